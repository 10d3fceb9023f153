import type { NsType } from '../../protocol/snapshot.ts';
import {
  processKeyOf,
  type ContainerEntity,
  type EntityIndex,
  type ProcessEntity,
} from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { inspectorText } from './messages.ts';
import { EntityLink, Fact, LinkList, NsByType, Section } from './parts.tsx';

/** A process: PID, PPID, command (as text), user, cgroup, container, pod, its namespaces. */
export function ProcessFacts({ e, index }: { e: ProcessEntity; index: EntityIndex }) {
  const t = useMessages(inspectorText);
  const { row } = e;
  const parent = row.ppid !== undefined ? processKeyOf(e.node, row.ppid) : undefined;
  const own: Partial<Record<NsType, string>> = {};
  for (const [type, inode] of Object.entries(row.namespaces) as [NsType, number][])
    own[type] = index.nsKey(e.node, type, inode);
  const children = Object.entries(row.forChildren ?? {}).filter(
    ([type, inode]) => row.namespaces[type as NsType] !== inode,
  );
  return (
    <>
      <dl className="facts">
        <Fact term={t.pid}>
          <span className="inode" data-testid="fact-pid">
            {row.pid}
          </span>
        </Fact>
        <Fact term={t.ppid}>
          {parent !== undefined && (
            <EntityLink entityKey={parent}>
              <span data-testid="fact-ppid">{row.ppid}</span>
            </EntityLink>
          )}
        </Fact>
        <Fact term={t.nsPid}>{row.nsPid}</Fact>
        <Fact term={t.command}>
          {row.command !== undefined && (
            <code className="cmd" data-testid="fact-command">
              {row.command}
            </code>
          )}
        </Fact>
        <Fact term={t.user}>
          {row.user !== undefined || row.uid !== undefined
            ? [row.user, row.uid !== undefined && String(row.uid) !== row.user && `uid ${row.uid}`]
                .filter(Boolean)
                .join(' · ')
            : undefined}
        </Fact>
        <Fact term={t.cgroup}>
          {row.cgroup !== undefined && (
            <code className="path" data-testid="fact-cgroup">
              {row.cgroup}
            </code>
          )}
        </Fact>
        <Fact term={t.container}>
          {e.container !== undefined && <EntityLink entityKey={e.container} />}
        </Fact>
        <Fact term={t.pod}>{e.pod !== undefined && <EntityLink entityKey={e.pod} />}</Fact>
        <Fact term={t.node}>{e.node}</Fact>
      </dl>
      <Section title={t.namespaces}>
        <NsByType namespaces={own} index={index} />
        {children.map(([type, inode]) => (
          <p key={type} className="note">
            {t.forChildren(type)}:{' '}
            <EntityLink entityKey={index.nsKey(e.node, type as NsType, inode)}>
              <span className="inode">{inode}</span>
            </EntityLink>
          </p>
        ))}
      </Section>
    </>
  );
}

/** A container: id, name, image, runtime, sandbox, pod, its processes and namespaces. */
export function ContainerFacts({ e, index }: { e: ContainerEntity; index: EntityIndex }) {
  const t = useMessages(inspectorText);
  const { row } = e;
  const main = new Set(Object.values(e.main));
  const others = e.namespaces.filter((k) => !main.has(k));
  return (
    <>
      <dl className="facts">
        <Fact term={t.id}>
          <code className="path" data-testid="fact-id">
            {e.id}
          </code>
        </Fact>
        <Fact term={t.name}>{e.label !== e.id.slice(0, 13) ? e.label : undefined}</Fact>
        <Fact term={t.image}>{row?.image !== undefined && <code>{row.image}</code>}</Fact>
        <Fact term={t.runtime}>{row?.runtime}</Fact>
        <Fact term={t.state}>{row?.state}</Fact>
        <Fact term={t.sandbox}>
          <span data-testid="fact-sandbox">{e.sandbox ? t.sandboxYes : t.sandboxNo}</span>
        </Fact>
        <Fact term={t.initPid}>
          {row?.pid !== undefined && <EntityLink entityKey={processKeyOf(e.node, row.pid)} />}
        </Fact>
        <Fact term={t.pod}>{e.pod !== undefined && <EntityLink entityKey={e.pod} />}</Fact>
        <Fact term={t.node}>{e.node}</Fact>
      </dl>
      <Section title={t.processes}>
        <LinkList keys={e.processes} />
      </Section>
      <Section title={t.namespaces}>
        <NsByType namespaces={e.main} index={index} />
      </Section>
      {others.length > 0 && (
        <Section title={t.otherNamespaces}>
          <LinkList keys={others} />
        </Section>
      )}
    </>
  );
}
