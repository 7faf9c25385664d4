import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full V8 garbage collection, whether or not node runs with --expose-gc. V8 frees dead typed arrays only when its
 * own (small) heap asks for a collection, so tens of MB of dead full-frame planes can wait in malloc's heap while
 * native code allocates beside them; collecting first lets that native code reuse their memory.
 */
export function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) {
      gc = exposed;
    } else {
      // a fresh context created after the flag is set gets its own `gc` function; the flag is left as it was found
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
}
