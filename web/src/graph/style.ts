/** How the explorer draws each kind of node and each strength of evidence. */
import type { StylesheetJson } from 'cytoscape';

/** Shape and colour per kind (colours hold 4.5:1 against white for the legend's text). */
export const KIND_STYLE: Record<string, { shape: string; color: string }> = {
  Case: { shape: 'round-rectangle', color: '#1d4ed8' },
  Child: { shape: 'ellipse', color: '#0f766e' },
  Person: { shape: 'ellipse', color: '#b42318' },
  Phone: { shape: 'diamond', color: '#6d28d9' },
  Email: { shape: 'round-tag', color: '#9a3412' },
  Handle: { shape: 'hexagon', color: '#be185d' },
  Ad: { shape: 'rectangle', color: '#475467' },
  Image: { shape: 'barrel', color: '#15803d' },
  Location: { shape: 'triangle', color: '#0e7490' },
  Agency: { shape: 'star', color: '#101828' },
  Network: { shape: 'octagon', color: '#101828' },
};

export function stylesheet(): StylesheetJson {
  const kinds = Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: s.shape, 'background-color': s.color },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 26,
        height: 26,
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        color: '#101828',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...kinds,
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node.redacted', style: { 'background-color': '#98a2b3', 'border-style': 'dashed', 'border-width': 2, 'border-color': '#344054' } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#101828' } },
    { selector: 'node.hub', style: { width: 50, height: 50, 'border-width': 7, 'border-style': 'double', 'border-color': '#101828', 'font-weight': 'bold' } },
    { selector: 'node.key', style: { 'border-width': 5, 'border-color': '#f79009', 'font-weight': 'bold', 'font-size': 12 } },
    { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#155eef' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': '#98a2b3',
        'target-arrow-color': '#98a2b3',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        'curve-style': 'bezier',
      },
    },
    { selector: 'edge[strength = "strong"]', style: { 'line-color': '#475467', 'target-arrow-color': '#475467' } },
    { selector: 'edge[strength = "derived"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[strength = "text"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge.fast', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
    { selector: '.onpath', style: { 'line-color': '#d92d20', 'target-arrow-color': '#d92d20', 'border-color': '#d92d20', 'border-width': 4, 'z-index': 10 } },
    { selector: 'edge.onpath', style: { width: 5 } },
    { selector: 'node.path-end', style: { 'border-color': '#dc6803', 'border-width': 5 } },
    { selector: 'node:selected', style: { 'border-color': '#155eef', 'border-width': 4, 'overlay-color': '#155eef', 'overlay-opacity': 0.15 } },
    { selector: 'edge:selected', style: { 'line-color': '#155eef', 'target-arrow-color': '#155eef', width: 5 } },
  ] as StylesheetJson;
}
