import './styles.css';
import { App } from './app';

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  // Browser-test hooks (layout and panning on synthetic data, timings); only with ?test=1.
  if (new URLSearchParams(location.search).get('test') === '1') {
    window.__caselinkTest = { explorer: null, marks: app.marks };
  }
  void app.start();
}
