// Preloaded with `node --import` to record every module a process loads, one URL or path per
// line, in the file named by RECORD_MODULES_TO. ES modules (and CommonJS ones reached by
// `import`) are seen by the resolve hook of hooks.mjs; CommonJS modules loaded with `require`
// (minisearch, through createRequire) are not seen by hooks on Node 20, so the require cache is
// added when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.RECORD_MODULES_TO;
if (!file) throw new Error('RECORD_MODULES_TO must name the file to record modules in');

register('./hooks.mjs', import.meta.url, { data: { file } });

const requireCache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const paths = Object.keys(requireCache);
  if (paths.length > 0) appendFileSync(file, `${paths.join('\n')}\n`);
});
