// One kind of item in a preview (profiles, host keys, key files): a titled
// section with its list, or a line saying there is none of that kind.
import type { ReactNode } from 'react';

export function ImportSection<T extends { id: string }>({
  id,
  title,
  emptyText,
  items,
  renderItem,
}: {
  /** The title's element id, which names the section and its list. */
  id: string;
  title: string;
  emptyText: string;
  items: T[];
  renderItem: (item: T) => ReactNode;
}) {
  return (
    <section className="import-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="import-items" aria-labelledby={id}>
          {items.map(renderItem)}
        </ul>
      )}
    </section>
  );
}
