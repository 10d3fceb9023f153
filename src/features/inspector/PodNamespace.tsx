import {
  namespaceKeyOf,
  type EntityIndex,
  type NamespaceEntity,
  type PodEntity,
} from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { labelText } from '../matrix/labels.ts';
import { ScopePill, TypeMark } from '../table/TypeMark.tsx';
import { inspectorText } from './messages.ts';
import { EntityLink, Fact, LinkList, Section } from './parts.tsx';

/**
 * The pod's addresses: as the runtime reports them, else those recorded in its sandbox's net
 * namespace (loopback and link-local left out).
 */
export function podAddresses(index: EntityIndex, pod: PodEntity): string[] {
  if (pod.row?.ips && pod.row.ips.length > 0) return pod.row.ips;
  const holder = pod.containers
    .map((k) => index.byKey.get(k))
    .find((c) => c?.kind === 'container' && c.sandbox);
  const first = holder ?? index.byKey.get(pod.containers[0] ?? '');
  const netKey = first?.kind === 'container' ? first.main.net : undefined;
  const net = netKey ? index.byKey.get(netKey) : undefined;
  if (net?.kind !== 'namespace' || net.scope === 'host') return [];
  return (net.row?.interfaces ?? [])
    .filter((i) => i.name !== 'lo')
    .flatMap((i) => i.addresses.filter((a) => !a.startsWith('fe80:')));
}

/** A pod: name, namespace, uid, QoS, IPs, its containers and the namespaces they share. */
export function PodFacts({ e, index }: { e: PodEntity; index: EntityIndex }) {
  const t = useMessages(inspectorText);
  const ips = podAddresses(index, e);
  const shared = new Set<string>();
  for (const c of e.containers) {
    const ce = index.byKey.get(c);
    if (ce?.kind !== 'container') continue;
    for (const k of Object.values(ce.main)) {
      const ns = index.byKey.get(k);
      if (ns?.kind === 'namespace' && (ns.scope === 'pod' || ns.scope === 'cross-pod'))
        shared.add(k);
    }
  }
  return (
    <>
      <dl className="facts">
        <Fact term={t.name}>{e.row?.name}</Fact>
        <Fact term={t.namespace}>{e.row?.namespace}</Fact>
        <Fact term={t.uid}>{e.row?.uid !== undefined && <code>{e.row.uid}</code>}</Fact>
        <Fact term={t.qos}>{e.row?.qos}</Fact>
        <Fact term={t.ips}>
          {ips.length > 0 && <span data-testid="fact-ips">{ips.join(', ')}</span>}
        </Fact>
        <Fact term={t.node}>{e.node}</Fact>
      </dl>
      <Section title={t.containers}>
        <LinkList keys={e.containers} />
      </Section>
      {shared.size > 0 && (
        <Section title={t.sharedNamespaces}>
          <LinkList keys={[...shared]} />
        </Section>
      )}
    </>
  );
}

/** A namespace: type, inode, scope, NPROCS; for net its interfaces, for uts the hostname. */
export function NamespaceFacts({ e }: { e: NamespaceEntity }) {
  const t = useMessages(inspectorText);
  const words = useMessages(labelText);
  const { row } = e;
  const interfaces = row?.interfaces ?? [];
  return (
    <>
      <dl className="facts">
        <Fact term={t.type}>
          <span>
            <TypeMark type={e.nsType} /> <span className="muted">{words.isolates(e.nsType)}</span>
          </span>
        </Fact>
        <Fact term={t.inode}>
          <span className="inode" data-testid="fact-inode">
            {e.inode}
          </span>
        </Fact>
        <Fact term={t.scope}>
          <span>
            <ScopePill scope={e.scope} /> <span className="muted">{words.meaning(e.scope)}</span>
          </span>
        </Fact>
        <Fact term={t.nprocs}>
          <span data-testid="fact-nprocs">{t.nprocsValue(row?.nprocs, e.processes.length)}</span>
        </Fact>
        <Fact term={t.hostname}>
          {row?.hostname !== undefined && <code data-testid="fact-hostname">{row.hostname}</code>}
        </Fact>
        <Fact term={t.owner}>
          {row?.owner !== undefined && (
            <EntityLink entityKey={namespaceKeyOf(e.node, row.owner)}>
              <span className="inode">{row.owner}</span>
            </EntityLink>
          )}
        </Fact>
        <Fact term={t.parent}>
          {row?.parent !== undefined && (
            <EntityLink entityKey={namespaceKeyOf(e.node, row.parent)}>
              <span className="inode">{row.parent}</span>
            </EntityLink>
          )}
        </Fact>
        <Fact term={t.netnsid}>{row?.netnsid}</Fact>
        <Fact term={t.nsfs}>
          {row?.nsfs && row.nsfs.length > 0 && <code className="path">{row.nsfs.join('\n')}</code>}
        </Fact>
        <Fact term={t.node}>{e.node}</Fact>
      </dl>
      {interfaces.length > 0 && (
        <Section title={t.interfaces}>
          <ul className="interfaces" data-testid="interfaces">
            {interfaces.map((i) => (
              <li key={i.name} data-interface={i.name}>
                <span className="if-name">{i.name}</span>
                {i.mac !== undefined && (
                  <span className="mac">
                    <span className="muted">{t.mac}</span> <code>{i.mac}</code>
                  </span>
                )}
                {i.addresses.map((a) => (
                  <code key={a} className="address">
                    {a}
                  </code>
                ))}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={`${t.processes} (${e.processes.length})`}>
        <LinkList keys={e.processes} />
      </Section>
      <Section title={`${t.containers} (${e.containers.length})`}>
        <LinkList keys={e.containers} />
      </Section>
      {e.pods.length > 0 && (
        <Section title={`${t.pods} (${e.pods.length})`}>
          <LinkList keys={e.pods} />
        </Section>
      )}
    </>
  );
}
