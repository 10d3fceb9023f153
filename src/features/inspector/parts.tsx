import type { ReactNode } from 'react';
import { NS_TYPES, type NsType } from '../../protocol/snapshot.ts';
import type { Entity, EntityIndex } from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { patchHash } from '../../state/useViewState.ts';
import { ScopePill, TypeMark } from '../table/TypeMark.tsx';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';
import { inspectorText } from './messages.ts';

/** How an entity is named in links: the sandbox reads `pause`, pods drop their `pod ` prefix. */
export function linkLabel(e: Entity): string {
  if (e.kind === 'container' && e.sandbox) return `pause (${e.id.slice(0, 13)})`;
  if (e.kind === 'pod') return e.label.replace(/^pod /, '');
  return e.label;
}

/**
 * A related entity as a button: it selects that entity, and (carrying `data-key`) lights it up
 * in every view while hovered or focused. Unknown keys show as plain text.
 */
export function EntityLink({ entityKey, children }: { entityKey: string; children?: ReactNode }) {
  const e = useEntityIndex().byKey.get(entityKey);
  if (!e) return <span className="muted">{children ?? entityKey}</span>;
  return (
    <button
      type="button"
      className="entity-link"
      data-key={e.key}
      data-kind={e.kind}
      onClick={() => patchHash({ select: e.key })}
    >
      {children ?? linkLabel(e)}
    </button>
  );
}

/** A term and its value; absent values are left out (unknown is absent, never guessed). */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '')
    return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Links to entities, the first `limit` of them, then a count. */
export function LinkList({ keys, limit = 30 }: { keys: readonly string[]; limit?: number }) {
  const t = useMessages(inspectorText);
  if (keys.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ul className="link-list">
      {keys.slice(0, limit).map((k) => (
        <li key={k}>
          <EntityLink entityKey={k} />
        </li>
      ))}
      {keys.length > limit && <li className="muted">{t.more(keys.length - limit)}</li>}
    </ul>
  );
}

/** One line per namespace type: the type mark, the inode as a link, its scope. */
export function NsByType({
  namespaces,
  index,
}: {
  namespaces: Partial<Record<NsType, string>>;
  index: EntityIndex;
}) {
  const t = useMessages(inspectorText);
  return (
    <table className="ns-by-type">
      <tbody>
        {NS_TYPES.map((type) => {
          const key = namespaces[type];
          const ns = key ? index.byKey.get(key) : undefined;
          return (
            <tr key={type}>
              <th scope="row">
                <TypeMark type={type} />
              </th>
              <td>
                {key === undefined ? (
                  <span className="muted">{t.unknown}</span>
                ) : (
                  <EntityLink entityKey={key}>
                    <span className="inode">{ns?.kind === 'namespace' ? ns.inode : key}</span>
                  </EntityLink>
                )}
              </td>
              <td>{ns?.kind === 'namespace' && <ScopePill scope={ns.scope} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
