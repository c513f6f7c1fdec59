// One assignment in the Groups view: the principal in the label, kind and time left in words in the description,
// and in the tooltip the exact start and end, who assigned (or activated) it, when, why and the ticket. Its
// contextValue decides the row actions (update, extend, renew, remove) an administrator is offered.
import * as vscode from 'vscode';
import type { Role } from '../../definitions/model';
import type { ActualPrincipal, ActualSchedule } from '../../tenant/actualState';
import { relativeInWords, startsIn, timeLeft } from '../../time';
import { exactTime } from '../common/exactTime';
import { ticketInWords } from '../common/ticketInWords';
import { TreeNode } from '../common/tree/treeNode';
import { ENDING_SOON_ADVICE, endingSoon } from '../common/endingSoon';
import { AssignmentOrigins, originInWords } from './assignmentOrigins';

/** The group an assignment belongs to, as the row actions need it. */
export interface AssignmentGroup {
  groupId: string;
  groupName: string;
  role: Role;
  /** The workspace definition file that manages the group, when one does (the next plan sees a change as drift). */
  managed(): string | undefined;
}

export class AssignmentNode implements TreeNode {
  parent?: TreeNode;
  constructor(
    readonly schedule: ActualSchedule,
    private readonly principal: ActualPrincipal | undefined,
    readonly group: AssignmentGroup,
    private readonly origins?: AssignmentOrigins,
  ) {}

  get principalInfo(): ActualPrincipal | undefined {
    return this.principal;
  }

  /** How the principal is named in labels and confirmations. */
  get principalName(): string {
    return displayOf(this.principal) ?? this.schedule.principalId;
  }

  /** Ended (the tree lists expired assignments, which only Renew applies to). */
  get expired(): boolean {
    return !!this.schedule.end && Date.parse(this.schedule.end) <= Date.now();
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.schedule;
    const name = this.principalName;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    const expired = this.expired;
    const when = expired ? 'expired' : (startsIn(s.start) ?? timeLeft(s.end));
    const activated = s.kind === 'active' && s.assignmentType?.toLowerCase() === 'activated';
    const how = activated ? 'activated' : s.kind;
    const soon = expired ? undefined : endingSoon(s.end);
    const inherited = !!s.memberType && s.memberType.toLowerCase() !== 'direct';
    const origin = this.origins?.bySchedule.get(s.id);
    const by = origin ? originInWords(origin, this.origins!.names) : undefined;
    item.description = `${how} · ${soon ?? when}`;
    item.tooltip = [
      `${this.principal?.ref ?? name} (${this.principal?.kind ?? 'principal'} ${s.principalId})`,
      `${how}${expired ? ', expired' : ''}`,
      s.start ? `Starts ${exactTime(s.start)}` : undefined,
      s.end ? `${expired ? 'Ended' : 'Ends'} ${exactTime(s.end)}` : 'Permanent: no end date',
      inherited ? `Through ${s.memberType.toLowerCase()}` : undefined,
      by && origin?.createdDateTime
        ? `${by}, ${relativeInWords(Date.parse(origin.createdDateTime) - Date.now())} (${exactTime(origin.createdDateTime)})`
        : by,
      origin?.justification ? `Justification: ${origin.justification}` : undefined,
      origin?.ticket ? `Ticket: ${ticketInWords(origin.ticket)}` : undefined,
      this.origins?.unreadable ? `Who assigned it could not be read: ${this.origins.unreadable}` : undefined,
      soon ? `${soon}: ${ENDING_SOON_ADVICE}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = soon
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(expired ? 'history' : s.kind === 'eligible' ? 'circle-outline' : 'pass-filled');
    // Words the menus match: kind, then what the admin actions depend on (a self-activation and an inherited
    // schedule are not the admin's to change here), then the principal's kind (Copy User Principal Name).
    const marks = [
      s.kind,
      expired ? 'expired' : 'current',
      soon && 'endingSoon',
      s.end ? 'timed' : 'permanent',
      activated && 'activated',
      inherited && 'inherited',
      !activated && !inherited && 'managed',
    ].filter(Boolean);
    item.contextValue = `pimAssignment ${marks.join(' ')} ${this.principal?.kind ?? 'principal'}`;
    item.accessibilityInformation = {
      label: `${name}, ${item.description.replace(/ · /g, ', ')}. Shift+F10 for actions`,
      role: 'treeitem',
    };
    return item;
  }
}

/** Display name, else how definitions name it (user:UPN, sp:appId). */
export function displayOf(p: ActualPrincipal | undefined): string | undefined {
  if (!p) return undefined;
  return p.displayName ?? p.ref.replace(/^(user|group|sp):/, '');
}
