// @ts-check
// Sign-in: the account reference and date of birth, then the one-time code sent to the customer; a session
// comes back. The forms are in the page's HTML; this wires and words them.
import { byId, say, show } from '/lib/dom.js';
import { formatTime } from '/lib/format.js';
import { errorText } from './common.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */

/**
 * The session the confirmed code gives: the bearer token, until when, and whose account.
 * @typedef {{ token: string, expiresAt: string, accountId: string }} Session
 */

/**
 * The code asked for, as the API answered, with the account it is for.
 * @typedef {{ accountId: string, verificationId: string, delivery: string, channel?: string,
 *   maskedTo?: string, expiresAt: string }} Verification
 */

/**
 * The sign-in section. `signedIn` hears of a new session (and how many attempts failed since the last
 * sign-in); `isLocal` says whether to point at the developer inbox.
 * @param {PortalContext} ctx
 * @param {{ signedIn: (session: Session, failedAttempts: number) => Promise<void>, isLocal: () => boolean }} hooks
 */
export function signInView(ctx, { signedIn, isLocal }) {
  const { api, t } = ctx;
  const identifyForm = byId('identify-form', HTMLFormElement);
  const codeForm = byId('code-form', HTMLFormElement);
  const accountInput = byId('account-ref', HTMLInputElement);
  const dobInput = byId('date-of-birth', HTMLInputElement);
  const codeInput = byId('security-code', HTMLInputElement);
  /** @type {Verification | null} */
  let verification = null;

  function showSignIn() {
    show(byId('app'), false);
    show(byId('sign-out'), false);
    show(byId('signin'));
    show(identifyForm, !verification);
    show(codeForm, Boolean(verification));
    show(byId('local-hint'), isLocal());
  }

  /**
   * @param {HTMLInputElement} input
   * @param {HTMLElement} errorElement
   * @param {string} message
   */
  function invalid(input, errorElement, message) {
    input.setAttribute('aria-invalid', 'true');
    say(errorElement, message);
    input.focus();
  }

  /** @param {HTMLInputElement[]} inputs */
  function clearInvalid(...inputs) {
    for (const input of inputs) input.removeAttribute('aria-invalid');
  }

  /**
   * Runs `work` with the button disabled and saying so.
   * @template T
   * @param {HTMLButtonElement} button
   * @param {() => Promise<T>} work
   */
  async function busy(button, work) {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = t('signin.working');
    try {
      return await work();
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  /** @param {SubmitEvent} event */
  const submitButton = (event) =>
    /** @type {HTMLButtonElement} */ (
      event.submitter ?? /** @type {HTMLFormElement} */ (event.target).querySelector('button[type=submit]')
    );

  /** @param {SubmitEvent} event */
  async function onIdentify(event) {
    event.preventDefault();
    const errorElement = byId('identify-error');
    clearInvalid(accountInput, dobInput);
    say(errorElement, '');
    say(byId('page-message'), '');
    const accountId = accountInput.value.trim().toUpperCase();
    const dateOfBirth = dobInput.value;
    if (!accountId) return invalid(accountInput, errorElement, t('err.accountRequired'));
    if (!/^[A-Z0-9-]{4,40}$/.test(accountId))
      return invalid(accountInput, errorElement, t('err.accountFormat'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth))
      return invalid(dobInput, errorElement, t('err.dobRequired'));
    await busy(submitButton(event), async () => {
      try {
        const sent = await api('POST', '/portal/verification', { accountId, dateOfBirth });
        verification = { accountId, ...sent };
        render();
        show(identifyForm, false);
        show(codeForm);
        codeInput.value = '';
        codeInput.focus();
      } catch (error) {
        say(errorElement, errorText(t, error));
      }
    });
  }

  /** The line saying where the code went; redrawn when the language changes. */
  function render() {
    if (!verification) return;
    const { delivery, channel, maskedTo, expiresAt } = verification;
    const until = formatTime(expiresAt, ctx.lang());
    // After repeated failures the service answers alike whatever was typed: the code goes only if it matched.
    byId('code-sent').textContent =
      delivery === 'sent' ? t('signin.sent', channel, maskedTo ?? '', until) : t('signin.sentIfMatch', until);
  }

  /** @param {SubmitEvent} event */
  async function onConfirm(event) {
    event.preventDefault();
    const errorElement = byId('code-error');
    clearInvalid(codeInput);
    say(errorElement, '');
    const code = codeInput.value.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) return invalid(codeInput, errorElement, t('err.codeFormat'));
    const asked = verification;
    if (!asked) return;
    await busy(submitButton(event), async () => {
      try {
        const { accountId, verificationId } = asked;
        const session = await api('POST', '/portal/verification/confirm', {
          accountId,
          verificationId,
          code,
        });
        verification = null;
        identifyForm.reset();
        codeForm.reset();
        await signedIn(
          { token: session.token, expiresAt: session.expiresAt, accountId },
          session.failedAttemptsSinceLastSignIn,
        );
      } catch (error) {
        say(errorElement, errorText(t, error, { VERIFICATION_FAILED: 'err.codeFailed' }));
      }
    });
  }

  function onRestart() {
    verification = null;
    say(byId('code-error'), '');
    showSignIn();
    accountInput.focus();
  }

  identifyForm.addEventListener('submit', onIdentify);
  codeForm.addEventListener('submit', onConfirm);
  byId('code-restart').addEventListener('click', onRestart);

  return { show: showSignIn, render };
}
