// My Access view elements: four sections (eligible, active, my pending requests, waiting for my approval) and
// one element per membership or request, whose contextValue decides the inline actions.
import * as vscode from 'vscode';
import type { Membership } from '../../activation';
import { durationInWords, minutesInWords, startsIn, timeLeft } from '../../time';
import { exactTime } from '../common/exactTime';
import { ticketInWords } from '../common/ticketInWords';
import { ENDING_SOON_ADVICE, endingSoon } from '../common/endingSoon';
import { MessageNode, TreeNode } from '../common/tree/treeNode';
import { ApprovalRequest, MyAccess, isSelfActivated } from '../common/myAccess/myAccessSource';

type Section = 'eligible' | 'active' | 'pending' | 'approvals';

const SECTIONS: Record<Section, { label: string; icon: string; empty: string }> = {
  eligible: { label: 'Eligible', icon: 'circle-outline', empty: 'No eligible memberships' },
  active: { label: 'Active', icon: 'pass-filled', empty: 'Nothing active' },
  pending: { label: 'My requests pending approval', icon: 'watch', empty: 'No pending requests' },
  approvals: { label: 'Waiting for my approval', icon: 'inbox', empty: 'Nothing to approve' },
};

/** What a screen reader hears after the item: the keys that reach its actions (inline buttons are hover-only). */
const KEY_HINTS: Record<string, string> = {
  'pimMembership eligible': 'Enter to activate; Shift+F10 for more actions',
  'pimMembership active activated': 'Enter to extend; Shift+F10 to deactivate',
  'pimMembership pending': 'Enter to cancel the request',
  pimApproval: 'Enter to approve or deny',
};

export class SectionNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly section: Section,
    private readonly data: MyAccess,
  ) {}

  private items(): (Membership | ApprovalRequest)[] {
    return this.data[this.section];
  }

  getTreeItem(): vscode.TreeItem {
    const s = SECTIONS[this.section];
    const count = this.items().length;
    const item = new vscode.TreeItem(
      s.label,
      count ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `myAccess:${this.section}`;
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon(s.icon);
    item.contextValue = `pimSection ${this.section}`;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (this.section === 'approvals') {
      return this.data.approvals.length
        ? this.data.approvals.map((a) => new ApprovalNode(a))
        : [new MessageNode(SECTIONS.approvals.empty, 'circle-slash')];
    }
    const list = this.data[this.section];
    return list.length
      ? list.map((m) => new MembershipNode(m))
      : [new MessageNode(SECTIONS[this.section].empty, 'circle-slash')];
  }
}

export class MembershipNode implements TreeNode {
  parent?: TreeNode;
  constructor(readonly membership: Membership) {}

  get groupId(): string {
    return this.membership.groupId;
  }
  get role(): Membership['role'] {
    return this.membership.role;
  }

  getTreeItem(): vscode.TreeItem {
    const m = this.membership;
    const item = new vscode.TreeItem(m.groupName, vscode.TreeItemCollapsibleState.None);
    const role = m.role === 'member' ? 'Member' : 'Owner';
    const r = m.requirements;
    // An eligibility or an admin's assignment that ends soon is marked (a self-activation always ends within hours).
    const soon =
      m.state === 'eligible' || (m.state === 'active' && !isSelfActivated(m)) ? endingSoon(m.end) : undefined;
    const warning = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    if (m.state === 'eligible') {
      item.description = `${role} · ${startsIn(m.start) ?? `eligible, ${soon ?? timeLeft(m.end)}`}`;
      item.contextValue = startsIn(m.start) ? 'pimMembership eligible future' : 'pimMembership eligible';
      item.iconPath = soon ? warning : new vscode.ThemeIcon('circle-outline');
    } else if (m.state === 'active') {
      item.description = `${role} · ${soon ?? timeLeft(m.end)}`;
      item.contextValue = isSelfActivated(m) ? 'pimMembership active activated' : 'pimMembership active assigned';
      item.iconPath = soon ? warning : new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
    } else if (m.state === 'scheduled') {
      item.description = `${role} · scheduled, ${startsIn(m.start) ?? 'starting soon'}`;
      item.contextValue = 'pimMembership pending';
      item.iconPath = new vscode.ThemeIcon('calendar');
    } else {
      item.description = `${role} · waiting for approval`;
      item.contextValue = 'pimMembership pending';
      item.iconPath = new vscode.ThemeIcon('watch');
    }
    item.tooltip = [
      `${m.groupName} (${role})`,
      r?.maxDuration ? `Activation up to ${durationInWords(r.maxDuration)}` : undefined,
      r &&
        [
          r.requireMfa && 'MFA',
          r.requireJustification && 'justification',
          r.requireTicket && 'ticket',
          r.approvalRequired && 'approval',
          r.authenticationContext && `authentication context ${r.authenticationContext}`,
        ]
          .filter(Boolean)
          .join(', '),
      m.state === 'active' && !isSelfActivated(m)
        ? 'Assigned by an administrator (cannot be deactivated here)'
        : undefined,
      soon ? `${m.state === 'eligible' ? 'Eligibility' : 'Assignment'} ${soon}: ${ENDING_SOON_ADVICE}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    const keys = KEY_HINTS[item.contextValue ?? ''];
    item.accessibilityInformation = {
      label: `${m.groupName}, ${item.description}${keys ? `. ${keys}` : ''}`.replace(/ · /g, ', '),
      role: 'treeitem',
    };
    return item;
  }
}

export class ApprovalNode implements TreeNode {
  parent?: TreeNode;
  constructor(readonly request: ApprovalRequest) {}

  getTreeItem(): vscode.TreeItem {
    const r = this.request;
    const role = r.role === 'member' ? 'Member' : 'Owner';
    const item = new vscode.TreeItem(`${r.requesterName} → ${r.groupName}`, vscode.TreeItemCollapsibleState.None);
    const length = requestedLength(r);
    const ticket = ticketInWords(r.ticket);
    item.description = [role, length, ticket && `ticket ${ticket}`, r.justification && `"${r.justification}"`]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = [
      `${r.requesterName} asks to activate ${r.role} of ${r.groupName}`,
      length ? `For ${length}${r.start ? `, from ${exactTime(r.start)}` : ''}` : undefined,
      r.end ? `Until ${exactTime(r.end)}` : undefined,
      ticket ? `Ticket: ${ticket}` : undefined,
      r.justification ? `Justification: ${r.justification}` : undefined,
      r.createdDateTime ? `Requested ${exactTime(r.createdDateTime)}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon('question');
    item.contextValue = 'pimApproval';
    item.accessibilityInformation = {
      label: [
        `${r.requesterName} asks to activate ${r.role} of ${r.groupName}`,
        length && ` for ${length}`,
        ticket && `, ticket ${ticket}`,
        r.justification && `, because: ${r.justification}`,
        `. ${KEY_HINTS.pimApproval}`,
      ]
        .filter(Boolean)
        .join(''),
      role: 'treeitem',
    };
    return item;
  }
}

/** "4 hours" (the requested duration), or the length up to the requested end; undefined when neither is known. */
function requestedLength(r: ApprovalRequest): string | undefined {
  if (r.duration) return durationInWords(r.duration);
  if (!r.end) return undefined;
  const from = r.start ? Date.parse(r.start) : Date.now();
  const minutes = Math.round((Date.parse(r.end) - from) / 60_000);
  return Number.isFinite(minutes) && minutes > 0 ? minutesInWords(minutes) : undefined;
}

export function sectionsOf(data: MyAccess): TreeNode[] {
  return (['eligible', 'active', 'pending', 'approvals'] as Section[]).map((s) => new SectionNode(s, data));
}
