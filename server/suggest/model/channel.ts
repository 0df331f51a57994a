/** A queue between event callbacks and an async generator: push items, end, or fail; iterate once. */
export function channel<T>() {
  const items: T[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(item: T) {
      items.push(item);
      poke();
    },
    end() {
      done = true;
      poke();
    },
    fail(e: unknown) {
      failure = e;
      done = true;
      poke();
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        while (items.length) yield items.shift()!;
        if (done) {
          if (failure !== undefined) throw failure;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
