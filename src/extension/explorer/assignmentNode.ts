// One assignment in the Groups view: the principal in the label, kind and time left in words in the description,
// and in the tooltip the exact start and end, who assigned (or activated) it, when, why and the ticket. Its
// contextValue decides the row actions (update, extend, renew, remove) an administrator is offered.
import * as vscode from 'vscode';
import type { Role } from '../../definitions/model';
import type { ActualPrincipal, ActualSchedule } from '../../tenant/actualState';
import { relativeInWords, startsIn, timeLeft } from '../../time';
import { exactTime } from '../common/exactTime';
import { ticketInWords } from '../common/ticketInWords';
import { COMMANDS } from '../commandIds';
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

  /** What the row says, in words: the tooltip and the Enter quick pick read the same facts. */
  facts(): AssignmentFacts {
    const s = this.schedule;
    const expired = this.expired;
    const activated = s.kind === 'active' && s.assignmentType?.toLowerCase() === 'activated';
    const soon = expired ? undefined : endingSoon(s.end);
    const origin = this.origins?.bySchedule.get(s.id);
    const by = origin ? originInWords(origin, this.origins!.names) : undefined;
    return {
      how: activated ? 'activated' : s.kind,
      when: expired ? 'expired' : (startsIn(s.start) ?? timeLeft(s.end)),
      soon,
      activated,
      inherited: !!s.memberType && s.memberType.toLowerCase() !== 'direct',
      until: s.end ? `${expired ? 'Ended' : 'Ends'} ${exactTime(s.end)}` : 'Permanent: no end date',
      by:
        by && origin?.createdDateTime
          ? `${by}, ${relativeInWords(Date.parse(origin.createdDateTime) - Date.now())} (${exactTime(origin.createdDateTime)})`
          : by,
      justification: origin?.justification ? `Justification: ${origin.justification}` : undefined,
      ticket: origin?.ticket ? `Ticket: ${ticketInWords(origin.ticket)}` : undefined,
    };
  }

  /**
   * Words the menus match (package.json `viewItem =~`) and the Enter quick pick reads: kind, then what the admin
   * actions depend on (a self-activation and an inherited schedule are not the admin's to change here), then the
   * principal's kind (Copy User Principal Name).
   */
  marks(): string[] {
    const s = this.schedule;
    const f = this.facts();
    const expired = this.expired;
    return [
      s.kind,
      expired ? 'expired' : 'current',
      f.soon && 'endingSoon',
      s.end ? 'timed' : 'permanent',
      f.activated && 'activated',
      f.inherited && 'inherited',
      !f.activated && !f.inherited && 'managed',
      this.principal?.kind ?? 'principal',
    ].filter((m): m is string => !!m);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.schedule;
    const name = this.principalName;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    const expired = this.expired;
    const f = this.facts();
    item.description = `${f.how} · ${f.soon ?? f.when}`;
    item.tooltip = [
      `${this.principal?.ref ?? name} (${this.principal?.kind ?? 'principal'} ${s.principalId})`,
      `${f.how}${expired ? ', expired' : ''}`,
      s.start ? `Starts ${exactTime(s.start)}` : undefined,
      f.until,
      f.inherited ? `Through ${s.memberType.toLowerCase()}` : undefined,
      f.by,
      f.justification,
      f.ticket,
      this.origins?.unreadable ? `Who assigned it could not be read: ${this.origins.unreadable}` : undefined,
      f.soon ? `${f.soon}: ${ENDING_SOON_ADVICE}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = f.soon
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(expired ? 'history' : s.kind === 'eligible' ? 'circle-outline' : 'pass-filled');
    item.contextValue = `pimAssignment ${this.marks().join(' ')}`;
    // Enter (and a click) opens the row's details and actions: the keyboard reaches what the context menu offers.
    item.command = { command: COMMANDS.assignmentDetails, title: 'Details and Actions', arguments: [this] };
    item.accessibilityInformation = {
      label: `${name}, ${item.description.replace(/ · /g, ', ')}. Enter for details and actions; Shift+F10 for the menu`,
      role: 'treeitem',
    };
    return item;
  }
}

/** An assignment's facts in words (AssignmentNode.facts). */
export interface AssignmentFacts {
  /** eligible, active or activated. */
  how: string;
  /** "12 days left", "starts in 2 days", "expired". */
  when: string;
  /** "Ends in 3 days" when it ends soon. */
  soon?: string;
  activated: boolean;
  inherited: boolean;
  /** "Ends <exact time>", "Ended …" or "Permanent: no end date". */
  until: string;
  /** "Assigned by Adele Vance (Admin), 20 days ago (…)", when the requests could be read. */
  by?: string;
  justification?: string;
  ticket?: string;
}

/** Display name, else how definitions name it (user:UPN, sp:appId). */
export function displayOf(p: ActualPrincipal | undefined): string | undefined {
  if (!p) return undefined;
  return p.displayName ?? p.ref.replace(/^(user|group|sp):/, '');
}
