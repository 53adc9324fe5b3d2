/** Splits items into chunks of `size` and sends them with at most `inFlight` calls at once. */
export async function sendInChunks<T>(
  items: readonly T[],
  size: number,
  inFlight: number,
  send: (chunk: T[]) => Promise<void>,
): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  let next = 0;
  const sender = async () => {
    while (next < chunks.length) await send(chunks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, sender));
}
