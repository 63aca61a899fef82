import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { fitsWidth, saveScreenshot } from './dashboard-test.js';

/** The till's touch screen: iikoFront's smallest common resolution. */
export const TILL_SCREEN = { width: 1024, height: 768 } as const;
/** WCAG 2.5.5 (AAA) target size, Apple's 44 pt: the smallest control a finger hits reliably. */
export const MIN_TARGET_PX = 44;
/** The least room between two neighbouring controls, so a finger does not press the wrong one. */
export const MIN_GAP_PX = 8;

/**
 * Every control on screen (or in the open modal dialog, which makes the rest inert) that a finger
 * would miss: smaller than 44×44 px, closer than 8 px to a neighbour, or covered by something else
 * at its centre. A checkbox or a radio counts as its whole label, which is what a finger presses.
 * Each control is scrolled into view first, so the whole screen is checked, not only its top.
 */
export async function touchTargetProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ minTarget, minGap }) => {
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
      const modal = document.querySelector('dialog[open]');
      const scope: ParentNode = modal?.matches(':modal') ? modal : document;
      const targetOf = (control: Element): Element => {
        const isChoice = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
        return (isChoice && control.labels?.[0]) || control;
      };
      const shown = (element: Element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
      };
      const targets = [...new Set([...scope.querySelectorAll(selector)].filter(shown).map(targetOf))];
      const name = (element: Element) => {
        const text = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim() ?? '';
        const id = element.id ? `#${element.id}` : '';
        return `<${element.tagName.toLowerCase()}${id}> "${(text || (element as HTMLInputElement).value || '').slice(0, 40)}"`;
      };
      const hits = (element: Element) => {
        const box = element.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
        const top = document.elementFromPoint(x, y);
        return top !== null && (top === element || element.contains(top));
      };
      const nested = (a: Element, b: Element) => a.contains(b) || b.contains(a);
      // What of a control a finger can reach: its box cut by every scrolling ancestor (a list's row
      // scrolled half out of its list does not reach into the controls above the list).
      const reachable = (element: Element): DOMRect => {
        let { left, top, right, bottom } = element.getBoundingClientRect();
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const clip = parent.getBoundingClientRect();
          left = Math.max(left, clip.left);
          top = Math.max(top, clip.top);
          right = Math.min(right, clip.right);
          bottom = Math.min(bottom, clip.bottom);
        }
        return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
      };
      const gap = (a: DOMRect, b: DOMRect) => {
        const dx = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
        const dy = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom));
        return Math.hypot(dx, dy);
      };
      const problems = new Set<string>();
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        if (box.width < minTarget - 0.5 || box.height < minTarget - 0.5) {
          problems.add(`${name(target)} is ${Math.round(box.width)}×${Math.round(box.height)} px, under ${minTarget}×${minTarget}`);
        }
        target.scrollIntoView({ block: 'center', inline: 'center' });
        if (!hits(target)) {
          problems.add(`${name(target)} cannot be hit at its centre (something covers it)`);
          continue;
        }
        const here = reachable(target);
        for (const other of targets) {
          if (other === target || nested(other, target) || !hits(other)) continue;
          const distance = gap(here, reachable(other));
          if (distance < minGap - 0.5) {
            const pair = [name(target), name(other)].sort().join(' and ');
            problems.add(`${pair} are ${Math.round(distance)} px apart, under ${minGap}`);
          }
        }
      }
      for (const scroller of [document.scrollingElement, ...document.querySelectorAll('.screen, dialog')]) scroller?.scrollTo(0, 0);
      return [...problems];
    },
    { minTarget: MIN_TARGET_PX, minGap: MIN_GAP_PX },
  );
}

/** axe-core's serious and critical violations on the page as it is now (an open dialog included). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * The check every spec runs on each screen and dialog it shows: at the till's 1024×768 it fits the
 * width, every control is a touch target a finger can hit, axe-core finds nothing serious or
 * critical, and a screenshot is saved (`e2e-artifacts/screenshots/<name>-1024.png`). The viewport
 * is put back afterwards.
 */
export async function expectTouchReady(page: Page, screen: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(TILL_SCREEN);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await saveScreenshot(page, `${screen}-1024`);
  expect(await fitsWidth(page), `${screen}: sideways scrolling at 1024×768`).toBe(true);
  expect(await touchTargetProblems(page), `${screen}: controls a finger would miss at 1024×768`).toEqual([]);
  expect(await seriousAxeViolations(page), `${screen}: axe-core`).toEqual([]);
  if (before) await page.setViewportSize(before);
}
