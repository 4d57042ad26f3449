/**
 * A whole claim in Chromium, each step found in 待办 (issue 11): a demo bank files it on 补偿申请 (a three-party loan it may claim on now); then the
 * guarantor, the manager, the three offices and the manager again each sign in, find the claim in the
 * task list on their home page, open it from there, take their step, and see the task leave their
 * list. The claim ends PAID. The claim's materials are attached as a fixture (written as the owner),
 * since uploading files is tested in claim-document.browser.test.ts.
 * Needs Chromium (see browser-harness.ts).
 */
import {
  describeIfBrowser,
  goTo,
  logIn,
  logInToHome,
  openPage,
  resultPath,
  startPortal,
  type Portal,
} from './browser-harness';

const STEP = 60_000;

describeIfBrowser('browser: a claim from filing to payout, every step found in 待办', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** Signs in as `user`, finds the claim's task of `kind` on the home page, takes `action` from the claim drawer. */
  async function stepFromTasks(user: string, contractNo: string, kind: string, action: string) {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, user, STEP);
    const task = page.locator(`[data-testid="task-list"] .plain-list-item[data-task-kind="${kind}"]`, {
      hasText: contractNo,
    });
    const list = page.locator('[data-testid="task-list"]');
    await list.locator('.plain-list-item').first().waitFor({ timeout: STEP });
    // The list shows the soonest ten first; a user scrolls on with 显示更多.
    for (let i = 0; i < 5 && !(await task.count()); i++) {
      const more = list.getByRole('button', { name: /显示更多/ });
      if (!(await more.count())) break;
      // The next items are in once the list is longer than before the click.
      const shown = await list.locator('.plain-list-item').count();
      await more.click();
      await list.locator('.plain-list-item').nth(shown).waitFor({ timeout: STEP });
    }
    await task.first().waitFor({ timeout: STEP });
    await task
      .first()
      .getByRole('button', { name: /去处理/ })
      .click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer
      // antd puts a space between the two characters of a two-character button ("核 实").
      .getByRole('button', { name: new RegExp([...action].join('\\s*')) })
      .first()
      .click({ timeout: STEP })
      .catch(async (err: unknown) => {
        await page.screenshot({ path: resultPath(`claim-via-tasks-${user}.png`), fullPage: true });
        throw err;
      });
    const modal = page.locator('.ant-modal-wrap').filter({ hasText: action }).last();
    await modal.locator('textarea').first().fill(`${user}：${action}`);
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(`${action}：已完成`).first().waitFor({ timeout: STEP });
    // Closing the drawer refreshes 待办: the step is done, so the task is gone.
    await page.keyboard.press('Escape');
    await task.first().waitFor({ state: 'detached', timeout: STEP });
    expect(errors).toEqual([]);
    await page.close();
  }

  it('bank → guarantor → manager → three offices → manager', async () => {
    // A three-party loan some demo bank may file a claim on now (the API's viewerCan), and who acts on it.
    let found: { bank: string; guarantor: string; contractNo: string } | undefined;
    let bankToken = '';
    for (const bank of ['bank-a', 'bank-b', 'bank-c']) {
      bankToken = await portal.app.login(bank);
      const loans = await portal.app.gql<{
        loans: {
          edges: { node: { contractNo: string; viewerCan: string[]; guarantor: { id: string } | null } }[];
        };
      }>('{ loans(first: 100) { edges { node { contractNo viewerCan guarantor { id } } } } }', {}, bankToken);
      const loan = loans
        .data!.loans.edges.map((e) => e.node)
        .find((l) => l.viewerCan.includes('claim.submit') && l.guarantor);
      if (!loan) continue;
      const [guarantor] = (await portal.app.ds.query(
        `SELECT username FROM users WHERE organization_id = $1 ORDER BY username LIMIT 1`,
        [loan.guarantor!.id],
      )) as { username: string }[];
      found = { bank, guarantor: guarantor.username, contractNo: loan.contractNo };
      break;
    }
    expect(found).toBeDefined();
    const { bank, contractNo } = found!;

    // 1. The bank files the claim in the browser.
    const { page, errors } = await openPage(portal);
    await logIn(page, portal.url, bank);
    await goTo(page, portal.url, '/claims');
    await page.getByRole('button', { name: /发起补偿申请/ }).click({ timeout: STEP });
    const modal = page.locator('.ant-modal-wrap').filter({ hasText: '发起补偿申请' });
    await modal.locator('.ant-select').first().click();
    await page.keyboard.type(contractNo);
    await page.locator('.ant-select-item-option', { hasText: contractNo }).first().click({ timeout: STEP });
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForFunction(() => /[?&]open=/.test(window.location.hash), null, { timeout: STEP });
    const claimId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('open')!;
    expect(errors).toEqual([]);
    await page.close();

    // Fixture: the materials the checklist asks for (Art 17), written as the owner.
    const checklist = await portal.app.gql<{
      claim: { status: string; documentChecklist: { kind: string; required: boolean; present: boolean }[] };
    }>(
      'query($id: ID!) { claim(id: $id) { status documentChecklist { kind required present } } }',
      { id: claimId },
      bankToken,
    );
    expect(checklist.data!.claim.status).toBe('SUBMITTED');
    for (const item of checklist.data!.claim.documentChecklist.filter((i) => i.required && !i.present)) {
      const content = Buffer.from(`${item.kind} ${contractNo}`);
      await portal.app.ds.query(
        `INSERT INTO claim_documents (claim_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_org_id)
         SELECT $1, $2, $3, 'application/pdf', $4, encode(sha256($5), 'hex'), $5, u.id, u.organization_id
         FROM users u WHERE u.username = $6`,
        [claimId, item.kind, `${item.kind}.pdf`, content.length, content, bank],
      );
    }

    // 2–6. Every later step is found in the actor's 待办.
    await stepFromTasks(found!.guarantor, contractNo, 'CLAIM_CONFIRM_SHARE', '确认担保分担');
    await stepFromTasks('manager', contractNo, 'CLAIM_VERIFY', '核实');
    await stepFromTasks('ipb', contractNo, 'CLAIM_CO_SIGN', '会签同意');
    await stepFromTasks('finance', contractNo, 'CLAIM_CO_SIGN', '会签同意');
    await stepFromTasks('fo', contractNo, 'CLAIM_CO_SIGN', '会签同意');
    await stepFromTasks('manager', contractNo, 'CLAIM_PAY', '支付补偿');

    const done = await portal.app.gql<{ claim: { status: string; paidOn: string | null } }>(
      'query($id: ID!) { claim(id: $id) { status paidOn } }',
      { id: claimId },
      bankToken,
    );
    expect(done.data!.claim.status).toBe('PAID');
    expect(done.data!.claim.paidOn).not.toBeNull();
  }, 900_000);
});
