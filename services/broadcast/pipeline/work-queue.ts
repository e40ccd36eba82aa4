/**
 * The requests one worker has to make, each due at `notBefore` (epoch ms): ready ones in
 * arrival order, the others in a min-heap by due time. Items of a lost batch are dropped
 * when they come up.
 */
export interface Queued {
  notBefore: number;
  conversationId: string;
  /** False once the item must no longer run (its batch lease was lost). */
  live(): boolean;
}

export class WorkQueue<T extends Queued> {
  private ready: T[] = [];
  private readyStart = 0;
  private readonly delayed: T[] = [];

  push(item: T, now: number): void {
    if (item.notBefore <= now) this.ready.push(item);
    else this.heapPush(item);
  }

  /**
   * The next item that is due and whose conversation may get a request now
   * (`conversationDelay` = 0); items whose conversation is busy are put back until it is free.
   */
  take(now: number, conversationDelay: (conversationId: string) => number): T | undefined {
    this.promote(now);
    while (this.readyStart < this.ready.length) {
      const item = this.ready[this.readyStart] as T;
      this.readyStart += 1;
      this.compact();
      if (!item.live()) continue;
      const wait = conversationDelay(item.conversationId);
      if (wait > 0) {
        item.notBefore = now + wait;
        this.heapPush(item);
        continue;
      }
      return item;
    }
    return undefined;
  }

  /** Epoch ms of the next delayed item, if any. */
  nextDue(): number | undefined {
    return this.delayed[0]?.notBefore;
  }

  /** Items that are due now. */
  readyCount(now: number): number {
    this.promote(now);
    return this.ready.length - this.readyStart;
  }

  get size(): number {
    return this.ready.length - this.readyStart + this.delayed.length;
  }

  private promote(now: number): void {
    while (this.delayed.length > 0 && (this.delayed[0] as T).notBefore <= now) {
      this.ready.push(this.heapPop());
    }
  }

  private compact(): void {
    if (this.readyStart > 1024 && this.readyStart * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.readyStart);
      this.readyStart = 0;
    }
  }

  private heapPush(item: T): void {
    const heap = this.delayed;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] as T).notBefore <= item.notBefore) break;
      heap[index] = heap[parent] as T;
      index = parent;
    }
    heap[index] = item;
  }

  private heapPop(): T {
    const heap = this.delayed;
    const top = heap[0] as T;
    const last = heap.pop() as T;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child =
          right < heap.length && (heap[right] as T).notBefore < (heap[left] as T).notBefore
            ? right
            : left;
        if ((heap[child] as T).notBefore >= last.notBefore) break;
        heap[index] = heap[child] as T;
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}
