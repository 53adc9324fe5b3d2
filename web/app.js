// @ts-check
// Reads the stage's API address from /config.json (written at deploy, served by the local runtime) and shows /health.
// (No imports: the home page loads one script.)
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
try {
  const config = await (await fetch('/config.json')).json();
  const health = await (await fetch(`${config.apiUrl}/health`)).json();
  status.textContent = health.status;
  stage.textContent = `(stage: ${health.stage})`;
} catch (error) {
  status.textContent = `unreachable: ${error.message}`;
}

export {};
