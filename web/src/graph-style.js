// The cytoscape stylesheet of the relations graph: node size, colour and label from the element
// data (see graph.js), IGOs as purple rounded squares, edges coloured and as wide as their data says.
export const GRAPH_STYLE = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-color': '#4a6fa5',
      'border-width': 1,
      'border-color': '#2c4770',
      label: 'data(label)',
      // Model units: labels grow and shrink with the zoom; under 9 px on screen they hide.
      'font-size': 'data(font)',
      'min-zoomed-font-size': 9,
      'font-family': 'system-ui, sans-serif',
      'font-weight': 600,
      'text-valign': 'bottom',
      'text-margin-y': 2,
      color: '#1d2330',
      'text-outline-color': '#fff',
      'text-outline-width': 'data(outline)',
      'text-outline-opacity': 0.9,
    },
  },
  { selector: 'node[igo = 1]', style: { 'background-color': '#8e6bb8', 'border-color': '#5d4480', shape: 'round-rectangle' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      opacity: 0.85,
    },
  },
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#111', 'min-zoomed-font-size': 0, 'z-index': 20 } },
  { selector: 'edge.hover', style: { opacity: 1, 'z-index': 10 } },
];
