// Completion of tenant objects where a definition names one (completionContext.ts says which): principals for
// `principal:` and approvers, Intune roles and scope tags, Azure roles and scopes, Conditional Access policies and
// SKUs. Without a connection or trust it offers nothing but the `user:` / `group:` / `sp:` prefixes, and the
// schema's own completion is untouched. The editor's CancellationToken becomes the lookups' AbortSignal.
import * as vscode from 'vscode';
import { PRINCIPAL_PREFIXES } from '../../definitions/principalReference';
import { completionContextAt, CompletionContext } from './completionContext';
import { principalItem, splitReference } from './principalItems';
import { principalHoverMarkdown } from './principalHover';
import type { TenantLookups } from './tenantLookups';
import { loadEngine } from '../engine/engineLoader';

interface Choice {
  label: string;
  detail?: string;
}

export class TenantCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly lookups: TenantLookups) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const lines = document.getText().split(/\r?\n/);
    const ctx = completionContextAt(lines, position.line, position.character);
    if (!ctx) return undefined;
    const range = new vscode.Range(position.line, ctx.start, position.line, position.character);
    if (ctx.field === 'principal') return this.principals(ctx, range, token);
    if (!this.lookups.available()) return undefined;
    const choices = await this.catalogChoices(ctx).catch(() => undefined);
    if (!choices || token.isCancellationRequested) return undefined;
    return new vscode.CompletionList(
      choices.map((c) => {
        const item = new vscode.CompletionItem(
          { label: c.label, description: c.detail },
          vscode.CompletionItemKind.Value,
        );
        item.range = range;
        item.sortText = `0${c.label}`;
        return item;
      }),
    );
  }

  private async principals(ctx: CompletionContext, range: vscode.Range, token: vscode.CancellationToken) {
    const ref = splitReference(ctx.prefix);
    if (!ref) {
      return new vscode.CompletionList(
        PRINCIPAL_PREFIXES.map((p) => {
          const item = new vscode.CompletionItem(`${p}:`, vscode.CompletionItemKind.Keyword);
          item.range = range;
          item.detail = {
            user: 'a user by UPN',
            group: 'a group by display name',
            sp: 'a service principal by app id',
          }[p];
          // Typing the prefix should open the tenant's list straight away.
          item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
          return item;
        }),
      );
    }
    if (!this.lookups.available()) return undefined;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const page = await this.lookups.principals(ref.kind, ref.text, abort.signal);
      if (!page) return new vscode.CompletionList([], true);
      const items = page.hits.map((h) => {
        const p = principalItem(h, ref.text);
        const item = new vscode.CompletionItem({ label: p.label, description: p.detail }, kindIcon(h.kind));
        item.insertText = p.insert;
        item.filterText = p.filterText;
        // The details pane (Ctrl+Space) says who it is in the hover's words: a narrow list may cut the description.
        item.documentation = new vscode.MarkdownString(
          principalHoverMarkdown(p.insert, { state: 'found', ...h }, { withId: false }),
        );
        item.range = range;
        item.sortText = `0${p.label}`;
        return item;
      });
      // An incomplete page makes the editor ask again as typing narrows it; a complete one filters locally.
      return new vscode.CompletionList(items, !page.complete);
    } catch {
      return undefined; // the transport has logged it; completion falls back to the schema's
    } finally {
      sub.dispose();
    }
  }

  private async catalogChoices(ctx: CompletionContext): Promise<Choice[] | undefined> {
    const l = this.lookups;
    switch (ctx.field) {
      case 'intuneRole':
        return (await l.catalog(['intuneRole']))?.catalog.intuneRoles.map((r) => ({ label: r.displayName }));
      case 'scopeTag':
        return (await l.catalog(['intuneRole']))?.catalog.scopeTags.map((t) => ({ label: t.displayName }));
      case 'sku':
        return (await l.catalog(['license']))?.catalog.skus.map((s) => ({
          label: s.skuPartNumber,
          detail: `${s.freeUnits} free`,
        }));
      case 'caPolicy':
        return (await l.catalog(['conditionalAccess']))?.catalog.caPolicies.map((p) => ({
          label: p.displayName,
          detail: p.state,
        }));
      case 'azureScope':
        return (await l.azureScopes())?.map((s) => ({ label: s.scope, detail: s.label }));
      case 'azureRole': {
        const sub = ctx.scope && loadEngine().bindings.subscriptionOf(ctx.scope);
        if (!sub) return undefined; // role definitions are per subscription: write the scope first
        const c = await l.catalog(['azureRole'], [ctx.scope!]);
        return c?.catalog.azureRoles[sub]?.map((r) => ({ label: r.roleName }));
      }
      default:
        return undefined;
    }
  }
}

const kindIcon = (kind: string) =>
  kind === 'user'
    ? vscode.CompletionItemKind.User
    : kind === 'group'
      ? vscode.CompletionItemKind.Module
      : vscode.CompletionItemKind.Interface;
