// Renders processes/*.bpmn to docs/<name>.svg with bpmn-js (the viewer Camunda Modeler uses), in
// headless Chromium, for the README. Run after editing a model: see docs/README.md.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, basename } from 'node:path';

const require = createRequire(import.meta.url);
const viewer = readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const root = new URL('..', import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.setContent('<div id="canvas" style="width:1600px;height:900px"></div>');
await page.addScriptTag({ content: viewer });
for (const file of readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn'))) {
  const xml = readFileSync(join(root, 'processes', file), 'utf8');
  const svg = await page.evaluate(async (model) => {
    const bpmn = new BpmnJS({ container: '#canvas' });
    await bpmn.importXML(model);
    const { svg } = await bpmn.saveSVG();
    bpmn.destroy();
    return svg;
  }, xml);
  const target = join(root, 'docs', basename(file, '.bpmn') + '.svg');
  writeFileSync(target, svg);
  console.log('wrote', target);
}
await browser.close();
