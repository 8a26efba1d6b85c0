/**
 * Flow control between a worker that produces row batches and main that consumes them. The worker
 * runs a statement synchronously, so it cannot receive messages while streaming; instead both sides
 * share one counter of batches in flight. The worker blocks before posting when the counter is full,
 * main decrements it once the sink has taken a batch.
 */
export const MAX_BATCHES_IN_FLIGHT = 4;

const SLOT = 0;

export function createCredit(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** Worker side: waits until fewer than MAX_BATCHES_IN_FLIGHT batches are unacknowledged, then claims one. */
export function takeCredit(credit: Int32Array): void {
  for (;;) {
    const inFlight = Atomics.load(credit, SLOT);
    if (inFlight < MAX_BATCHES_IN_FLIGHT) break;
    Atomics.wait(credit, SLOT, inFlight);
  }
  Atomics.add(credit, SLOT, 1);
}

/** Main side: acknowledges one batch and wakes the worker if it waits. */
export function returnCredit(credit: Int32Array): void {
  Atomics.sub(credit, SLOT, 1);
  Atomics.notify(credit, SLOT);
}
