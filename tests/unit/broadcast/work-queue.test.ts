import { WorkQueue, type Queued } from '../../../services/broadcast/pipeline/work-queue';

class Item implements Queued {
  alive = true;
  constructor(
    readonly name: string,
    public notBefore: number,
    readonly conversationId = name,
  ) {}
  live(): boolean {
    return this.alive;
  }
}

const free = () => 0;

function drain(queue: WorkQueue<Item>, now: number, delay: (c: string) => number = free): string[] {
  const names: string[] = [];
  for (let item = queue.take(now, delay); item; item = queue.take(now, delay))
    names.push(item.name);
  return names;
}

describe('WorkQueue', () => {
  it('hands out due items in arrival order and delayed ones when they are due', () => {
    const queue = new WorkQueue<Item>();
    for (const item of [
      new Item('a', 0),
      new Item('late', 500),
      new Item('b', 0),
      new Item('soon', 100),
    ]) {
      queue.push(item, 0);
    }
    expect(drain(queue, 0)).toEqual(['a', 'b']);
    expect(queue.nextDue()).toBe(100);
    expect(drain(queue, 100)).toEqual(['soon']);
    expect(drain(queue, 1000)).toEqual(['late']);
    expect(queue.size).toBe(0);
  });

  it('lets others pass while a conversation is busy and brings it back when free', () => {
    const queue = new WorkQueue<Item>();
    queue.push(new Item('busy', 0), 0);
    queue.push(new Item('other', 0), 0);
    const delay = (conversation: string) => (conversation === 'busy' ? 300 : 0);
    expect(drain(queue, 0, delay)).toEqual(['other']);
    expect(queue.nextDue()).toBe(300);
    expect(drain(queue, 300)).toEqual(['busy']);
  });

  it('drops items of a batch whose lease was lost', () => {
    const queue = new WorkQueue<Item>();
    const lost = new Item('lost', 0);
    queue.push(lost, 0);
    queue.push(new Item('kept', 0), 0);
    lost.alive = false;
    expect(drain(queue, 0)).toEqual(['kept']);
  });

  it('orders many delayed items by due time', () => {
    const queue = new WorkQueue<Item>();
    const times = [50, 10, 40, 30, 20, 60, 0, 70];
    times.forEach((time, index) => queue.push(new Item(`i${index}`, time), -1));
    const seen: number[] = [];
    for (let now = 0; now <= 70; now += 10) {
      for (const name of drain(queue, now)) seen.push(times[Number(name.slice(1))] as number);
    }
    expect(seen).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });
});
