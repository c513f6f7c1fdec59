// The staged scene the README's pictures are taken in (`--scene`): the examples/ workspace against the demo
// sandbox tenant, in a window sized and set up for pictures a reader can read. Its tests are in test/host/scene/.
export const scene = {
  suite: 'scene',
  /** Copied, as in every run, into a temp folder of the same name (the window title shows it). */
  workspace: 'examples',
  /** Smaller than the suite's window: the README shows pictures about 880 px wide. */
  viewport: { width: 1280, height: 800 },
  /** Workspace settings for the pictures only; the behaviour under test is the same. */
  settings: {
    'editor.minimap.enabled': false,
    'workbench.tips.enabled': false,
    'workbench.layoutControl.enabled': false,
    'window.commandCenter': false,
  },
};
