import { useState } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClaimActionModal } from './ClaimActionModal';
import { claimActionButtons, type ClaimActionSpec } from './claimActions';
import type { ClaimDetail } from './claims.graphql';

/** The next steps the API allows this caller (`allowedActions`); each opens a confirmation dialog. */
export function ClaimActionBar({ claim }: { claim: ClaimDetail }) {
  // The buttons' labels are read while rendering: subscribe to the language.
  useTranslation();
  const [active, setActive] = useState<ClaimActionSpec | null>(null);
  const buttons = claimActionButtons(claim.allowedActions);
  if (buttons.length === 0) return null;
  return (
    <Space wrap>
      {buttons.map((spec) => (
        <Button
          key={spec.action}
          type={spec.primary ? 'primary' : 'default'}
          danger={spec.danger}
          onClick={() => setActive(spec)}
        >
          {spec.label}
        </Button>
      ))}
      {/* Mounted per dialog: a fresh idempotency key each time it opens, the same one on every retry. */}
      {active && <ClaimActionModal spec={active} claim={claim} onClose={() => setActive(null)} />}
    </Space>
  );
}
