import { ReactNode, useState } from 'react';
import {
  Alert, Button, Checkbox, Label, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader,
} from '@patternfly/react-core';
import { Condition, Health, healthLabel } from '../model';

export function HealthLabel({ health, id }: { health: Health; id?: string }) {
  const color = { ready: 'green', critical: 'red', pending: 'grey', warning: 'orange' }[health] as any;
  return <Label color={color} id={id} data-health={health} data-usable={health === 'ready' || health === 'warning'}>{healthLabel(health)}</Label>;
}

export function Conditions({ items, id }: { items: Condition[]; id?: string }) {
  if (items.length === 0) return <span id={id}>No conditions yet.</span>;
  return (
    <List isPlain id={id}>
      {items.map((c) => {
        const variant = c.category === 'Critical' || c.category === 'Error' ? 'danger'
          : c.category === 'Warn' ? 'warning' : c.type === 'Ready' || c.type === 'Succeeded' ? 'success' : 'info';
        return (
          <ListItem key={c.type}>
            <Alert isInline isPlain variant={variant} title={`${c.type}${c.category ? ` (${c.category})` : ''}`}
              data-condition={c.type}>
              {c.message}
            </Alert>
          </ListItem>
        );
      })}
    </List>
  );
}

export function ErrorAlert({ error }: { error?: string }) {
  return error ? <Alert variant="danger" isInline title={error} id="error-alert" /> : null;
}

/** A confirmation dialog; `check` adds a checkbox (e.g. cutover's "halt transactions"). */
export function Confirm(props: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  check?: { label: string; initial: boolean };
  onConfirm: (checked: boolean) => Promise<void>;
  onClose: () => void;
}) {
  const [checked, setChecked] = useState(props.check?.initial ?? false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal isOpen variant="small" onClose={props.onClose} aria-labelledby="confirm-title" id="confirm-modal">
      <ModalHeader title={props.title} labelId="confirm-title" />
      <ModalBody>
        {props.body}
        {props.check && (
          <Checkbox id="confirm-check" label={props.check.label} isChecked={checked}
            onChange={(_e, v) => setChecked(v)} style={{ marginTop: 16 }} />
        )}
        <ErrorAlert error={error} />
      </ModalBody>
      <ModalFooter>
        <Button id="confirm-button" variant={props.danger ? 'danger' : 'primary'} isDisabled={busy}
          onClick={() => {
            setBusy(true);
            props.onConfirm(checked).then(props.onClose).catch((e: Error) => {
              setError(e.message);
              setBusy(false);
            });
          }}>
          {props.confirmLabel}
        </Button>
        <Button variant="link" onClick={props.onClose}>Cancel</Button>
      </ModalFooter>
    </Modal>
  );
}
