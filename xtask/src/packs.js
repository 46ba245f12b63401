
// Added by `cargo xtask build-spa`: opening a split point fetches its pack, its modules one
// after the other in one file (its own and the chunks it shares with others),
// or only the modules it lacks, each from its own file, when those weigh less (compressed,
// with their requests) than the pack. A module is instantiated once, from whichever fetch brought it first.
const __folder = "./__FOLDER__/";
// Per module: its file stem, its size in bytes and its own file's size in brotli.
const __modules = __MODULES__;
// Per split point: its pack's name and size in brotli, its own module (-1: none) and the
// chunks it needs.
const __points = __POINTS__;
// What a request costs beyond its body (request and response headers), in bytes: fetching
// modules one by one is chosen only when that weighs less than the pack, requests counted.
const __requestCost = 400;
// How long a fetch may take before it is given up (a stalled connection would otherwise
// keep it, and every later opening of its split point, waiting for good): a frame's words,
// a few kilobytes the sign-in page waits for, 10 s; an area or a language, 30 s. A fetch
// given up fails like any other, so the next opening fetches again.
const __frameWait = 10000;
const __areaWait = 30000;
// Per module: the promise of its bytes until it is instantiated, then `__taken`.
const __pieces = new Map();
const __taken = Symbol("taken");

// The bytes of a file, which must be `size` long: a portal's or proxy's page answered with
// 200 is refused like a failed fetch, so the module is fetched again next time.
function __fetchBytes(file, size, wait) {
    return fetch(new URL(__folder + file, import.meta.url), { signal: AbortSignal.timeout(wait) })
        .then((response) => {
            if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
            return response.arrayBuffer();
        })
        .then((bytes) => {
            if (bytes.byteLength !== size) {
                throw new Error(`${file}: ${bytes.byteLength} bytes, not ${size}`);
            }
            return bytes;
        });
}

// A module whose bytes could not be fetched is left to the next fetch.
function __claim(module, bytes) {
    bytes.catch(() => __release(module, bytes));
    __pieces.set(module, bytes);
}

function __release(module, bytes) {
    if (__pieces.get(module) === bytes) __pieces.delete(module);
}

function __openPack(point) {
    const [name, packCost, own, chunks] = __points[point];
    const missing = [];
    let size = 0;
    let missingCost = 0;
    for (const module of [...(own < 0 ? [] : [own]), ...chunks]) {
        const [, length, cost] = __modules[module];
        if (!__pieces.has(module)) {
            missing.push([module, size, size + length]);
            missingCost += cost;
        }
        size += length;
    }
    if (missing.length === 0) return;
    const wait = name.endsWith("_frame") ? __frameWait : __areaWait;
    if (missingCost + missing.length * __requestCost <= packCost + __requestCost) {
        for (const [module, start, end] of missing) {
            __claim(module, __fetchBytes(`${__modules[module][0]}.wasm`, end - start, wait));
        }
        return;
    }
    const pack = __fetchBytes(`pack_${name}.bin`, size, wait);
    pack.catch(() => {});
    for (const [module, start, end] of missing) {
        __claim(module, pack.then((bytes) => bytes.slice(start, end)));
    }
}

function __fetcher(module) {
    return () => {
        const bytes = __pieces.get(module);
        const src = bytes === undefined || bytes === __taken
            ? Promise.reject(new Error(`${__modules[module][0]} is in no fetch under way`))
            : bytes;
        src.catch(() => {});
        return async (imports) => {
            try {
                const instantiated = await WebAssembly.instantiate(await src, imports);
                __pieces.set(module, __taken);
                return instantiated;
            } catch (error) {
                // Bytes that do not compile are fetched again next time.
                __release(module, src);
                throw error;
            }
        };
    };
}

const __chunks = __modules.map((_, module) => makeLoad(__fetcher(module), []));

function __loader(point) {
    const [, , own, chunks] = __points[point];
    const load = wrapAsyncCb(makeLoad(
        own < 0 ? () => async () => ({}) : __fetcher(own),
        chunks.map((chunk) => __chunks[chunk]),
    ));
    return (...args) => {
        __openPack(point);
        return load(...args);
    };
}
