'use strict';
// jest's runtime, with what it does for every test file done once per worker process (issue 10, the
// suite's time). jest gives each test file a fresh module registry: an API test file loads ~1,500
// modules (typeorm, type-graphql, Apollo, the portal), and for each one jest hashed the source, read
// its transform from the disk cache and compiled it anew, for every file: about a quarter of a
// second per API file on this machine. The modules are still loaded and run afresh in each file's own
// context — isolation is unchanged; only these two pure steps are remembered:
//
// - the transform of a file, by its path, its transform options and its exact source;
// - the compiled code, as V8's code cache of the module's first run in this worker (it holds the
//   functions that run compiled too), handed to the next file's compile of the same source.
//
// jest's `runtime` option takes a Runtime class; this one sets the two steps on the internals of
// jest-runtime 30 (`executor.compile`, `transformCache.scriptTransformer`). Were they to change,
// the runtime says so once and runs as plain jest-runtime.
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/** Per worker: outlives each test file's runtime. */
const transforms = new Map(); // path + options -> { source, result }
const compiled = new Map(); // path -> { source, script | null, cachedData | null }
let warned = false;
const DYNAMIC_IMPORT = /\bimport\s*\(/;

function rememberTransforms(transformer) {
  const transform = transformer.transform.bind(transformer);
  const remembering = Object.create(transformer);
  remembering.transform = (filename, options, source) => {
    const key = `${filename}\0${JSON.stringify(options)}`;
    const known = transforms.get(key);
    if (known && known.source === source) return known.result;
    const result = transform(filename, options, source);
    transforms.set(key, { source, result });
    return result;
  };
  return remembering;
}

function compileWithCodeCache(executor) {
  const compile = executor.compile.bind(executor);
  return (scriptSource, filename) => {
    const context = executor.environment.getVmContext();
    if (context == null) return null;
    // Node 20 keeps a script's dynamic-import callback in what V8 serialises with its code cache: a
    // module compiled from the cache would import through the first file's (gone) callback
    // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, seen with PGlite). Such modules compile as in jest.
    if (DYNAMIC_IMPORT.test(scriptSource)) return compile(scriptSource, filename);
    let entry = compiled.get(filename);
    if (entry && entry.source !== scriptSource) entry = undefined;
    // The first file's script has run by now: its cache includes the functions compiled as it ran.
    if (entry?.script) {
      entry.cachedData = entry.script.createCachedData();
      entry.script = null;
    }
    let script;
    try {
      script = new vm.Script(
        `(function (${executor.injectedModuleParameters.join(', ')}) {${scriptSource}\n})`,
        {
          filename,
          cachedData: entry?.cachedData ?? undefined,
          // Weakly: the first file's script is kept for its code cache, and must not keep that
          // file's context (its whole module registry) alive with it.
          importModuleDynamically: importThrough(new WeakRef(executor), new WeakRef(context), filename),
        },
      );
    } catch {
      // A syntax error: jest's own compile reports it the way jest users expect.
      return compile(scriptSource, filename);
    }
    if (!entry) compiled.set(filename, { source: scriptSource, script, cachedData: null });
    else if (script.cachedDataRejected) entry.cachedData = null;
    return script.runInContext(context);
  };
}

function importThrough(executorRef, contextRef, filename) {
  return (specifier, _script, attributes) => {
    const executor = executorRef.deref();
    const context = contextRef.deref();
    if (!executor || !context)
      throw new Error(`import(${specifier}) from ${filename} after its test file ended`);
    return executor.dynamicImport(specifier, filename, context, attributes);
  };
}

class WorkerCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    const transformCache = this.transformCache;
    if (
      typeof executor?.compile !== 'function' ||
      typeof executor.dynamicImport !== 'function' ||
      !Array.isArray(executor.injectedModuleParameters) ||
      typeof transformCache?.scriptTransformer?.transform !== 'function'
    ) {
      if (!warned) {
        warned = true;
        process.stderr.write(
          "test/jest-runtime.cjs: jest-runtime's internals changed; running without the per-worker module cache\n",
        );
      }
      return;
    }
    transformCache.scriptTransformer = rememberTransforms(transformCache.scriptTransformer);
    executor.compile = compileWithCodeCache(executor);
  }
}

module.exports = WorkerCachingRuntime;
