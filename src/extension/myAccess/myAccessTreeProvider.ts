// The My Access view over the shared MyAccessModel.
import { Connections } from '../common/connection';
import { NodeTreeProvider } from '../common/tree/nodeTreeProvider';
import { TreeNode } from '../common/tree/treeNode';
import { Log } from '../infrastructure/log';
import { MyAccessModel } from '../common/myAccess/myAccessModel';
import { sectionsOf } from './myAccessNodes';

export const MY_ACCESS_VIEW = 'pimGroups.myAccess';

export class MyAccessTreeProvider extends NodeTreeProvider {
  constructor(
    log: Log,
    private readonly connections: Connections,
    private readonly model: MyAccessModel,
  ) {
    super(log, 'my access');
  }

  protected async rootChildren(): Promise<TreeNode[]> {
    if (!this.connections.current()) return [];
    return sectionsOf(await this.model.get());
  }

  protected reset(): void {
    this.model.invalidate();
  }
}
