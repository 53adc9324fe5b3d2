/**
 * A factory that builds its value on the first call and hands out the same value afterwards: each adapter is
 * built once per cold start, only by the functions that ask for it. Declare factories as
 * `export const x = /* @__PURE__ *\/ once(() => …)` so a bundle that never calls one drops its adapter.
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
