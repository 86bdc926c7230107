/**
 * React Aria's press handling adds one <style> element to the page the first time a pressable renders
 * (`touch-action` on `[data-react-aria-pressable]`). The app's Content Security Policy (style-src 'self')
 * refuses inline styles, so that rule ships in our own stylesheet (styles/components.css) instead, and this
 * marker, carrying the id React Aria looks for, tells it the style is already there.
 */
const REACT_ARIA_PRESSABLE_STYLE_ID = 'react-aria-pressable-style';

export function markReactAriaStylesPresent(doc: Document = document): void {
  if (doc.getElementById(REACT_ARIA_PRESSABLE_STYLE_ID)) return;
  const marker = doc.createElement('meta');
  marker.id = REACT_ARIA_PRESSABLE_STYLE_ID;
  doc.head.append(marker);
}
