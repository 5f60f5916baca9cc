// The services view: one box per service with its address, type, ports and selector, holding a
// small box for each pod it sends traffic to (a workload's unscheduled template as `× N`).

import { serviceAddressText, servicePortText } from '../../model/notation.js';
import type { Pod, Service } from '../../model/types.js';
import { BLANK, type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { headingParts, NOTE_COLUMNS, rowPart } from './boxes.js';
import { podAddress, titleOf } from './describe.js';
import { type Block, flow } from './layout.js';
import { cleanText, NO_BREAK_SPACE } from './text.js';

export function servicesDrawing(services: readonly Service[], frame: Frame): Block {
  return flow(
    services.map((service) => serviceBox(service, frame)),
    frame.width,
    { gap: 2, rowGap: 1 },
  );
}

export function serviceBox(service: Service, frame: Frame): Block {
  const namespace =
    service.namespace === 'default' ? '' : ` ${frame.glyphs.dot} namespace ${cleanText(service.namespace)}`;
  const { arrow, dot } = frame.glyphs;
  const ports = service.ports.map((port) => servicePortText(port, arrow)).join(', ');
  const selector = service.selector.map((term) => `${term.key}=${term.value}`).join(', ');
  const pods = rowPart(service.selected, selectedPodBox, { gap: 1 });
  const parts: BoxPart[] = [
    ...headingParts(service),
    ...textPart(`${addressLine(service, dot)}${namespace}`, { cap: NOTE_COLUMNS }),
    ...textPart(`ports: ${ports || 'none'}`, { cap: NOTE_COLUMNS }),
    ...textPart(`selector: ${cleanText(selector) || 'none'}`, { cap: NOTE_COLUMNS }),
    BLANK,
    ...(pods.length > 0 ? pods : textPart('(selects no pod)')),
  ];
  return drawBox({ entity: service, parts }, frame);
}

/** `service 10.96.0.20 · NodePort`, or `headless service`. */
function addressLine(service: Service, dot: string): string {
  if (service.serviceType === 'Headless') return 'headless service';
  return `service ${serviceAddressText(service)} ${dot} ${service.serviceType}`;
}

/** A selected pod: its name and IP, or a workload's template with its replica count. */
export function selectedPodBox(pod: Pod, frame: Frame): Block {
  const workload = pod.parent.kind === 'workload' ? pod.parent : undefined;
  const count = workload
    ? workload.workloadKind === 'daemonset'
      ? 'one per node'
      : `${frame.glyphs.times}${NO_BREAK_SPACE}${workload.replicas}`
    : `IP:${NO_BREAK_SPACE}${podAddress(pod)}`;
  return drawBox({ entity: pod, parts: [...textPart(titleOf(pod)), ...textPart(count)] }, frame);
}
