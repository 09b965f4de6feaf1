// A minimal typed listener set: subscribe returns its own unsubscribe, and a
// throwing listener cannot break the agent or the other listeners.

export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  subscribe(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch {
        // A faulty subscriber is its own problem.
      }
    }
  }
}
