"""The browser app in real Chromium against a real `stepwork serve` and PostgreSQL.

Two browsers (separate cookie jars) play a sponsee and a sponsor. Every page is audited with
axe-core and photographed at 390 and 1280 pixels into .build/screenshots/.
Run through Tests/Browser/run.sh (it installs what this needs).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
import uuid

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SHOTS = os.path.join(ROOT, '.build', 'screenshots')
PASSWORD = 'one day at a time, really'
WAIT = 15  # seconds: every wait is bounded


class Server:
    """`stepwork serve --migrate` on a free port over a fresh database of the test cluster."""

    def __init__(self):
        base = os.environ['STEPWORK_TEST_DATABASE_URL']
        self.database = 'browser_' + uuid.uuid4().hex[:12]
        subprocess.run(['psql', base, '-qc', f'CREATE DATABASE {self.database}'], check=True)
        self.base_url = base
        with socket.socket() as probe:
            probe.bind(('127.0.0.1', 0))
            self.port = probe.getsockname()[1]
        self.origin = f'http://127.0.0.1:{self.port}'
        env = dict(os.environ,
                   STEPWORK_DATABASE_URL=f'{base} dbname={self.database}',
                   STEPWORK_HOST='127.0.0.1', STEPWORK_PORT=str(self.port),
                   STEPWORK_PUBLIC_ORIGIN=self.origin,
                   STEPWORK_PASSWORD_HASH_COST='10', STEPWORK_LOG_LEVEL='warning',
                   STEPWORK_REGISTER_MAX_PER_ADDRESS='1000',
                   STEPWORK_LOGIN_MAX_FAILURES_PER_ADDRESS='1000')
        self.scratch = tempfile.mkdtemp(prefix='stepwork-browser-')
        if 'STEPWORK_SECRET_FILE' not in os.environ:
            secret = os.path.join(self.scratch, 'secret')
            with open(os.open(secret, os.O_WRONLY | os.O_CREAT, 0o600), 'w') as file:
                file.write(os.urandom(32).hex() + '\n')
            env['STEPWORK_SECRET_FILE'] = secret
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([os.environ['STEPWORK_BINARY'], 'serve', '--migrate'],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.origin + '/readyz', timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise RuntimeError('stepwork serve did not start:\n' + self.log.read().decode(errors='replace'))
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        subprocess.run(['psql', self.base_url, '-qc', f'DROP DATABASE IF EXISTS {self.database} WITH (FORCE)'], check=False)
        shutil.rmtree(self.scratch, ignore_errors=True)


def chrome(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which('chromium') or '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--no-first-run', '--disable-extensions', f'--window-size={width},{height}',
                     '--force-prefers-reduced-motion'):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    service = Service(shutil.which('chromedriver') or '/usr/bin/chromedriver')
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


class Person:
    """One browser, signed in as one person."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        self.email = f'{name.lower()}-{uuid.uuid4().hex[:8]}@example.org'
        self.driver = chrome()

    # Navigation and waiting ----------------------------------------------------------------

    def open(self, hash_path='#/', heading=None):
        self.driver.get(f'{self.server.origin}/{hash_path}')
        return self.screen(heading)

    def go(self, hash_path, heading=None):
        """Goes to a screen as a link would; to the same screen again as a reload would."""
        if self.driver.execute_script('return window.location.hash') == hash_path:
            self.driver.refresh()
        else:
            self.driver.execute_script('window.location.hash = arguments[0]', hash_path)
        return self.screen(heading)

    def screen(self, heading=None):
        """Waits for a screen to be up (focus on its heading) and returns the heading's text."""
        def ready(driver):
            found = driver.execute_script(
                "const h = document.querySelector('main h1');"
                "return h && document.activeElement === h ? h.textContent : null;")
            return found if found and (heading is None or heading in found) else False
        try:
            return self.wait(ready)
        except TimeoutException:
            current = self.driver.execute_script("const h = document.querySelector('main h1'); return h && h.textContent")
            raise AssertionError(f'{self.name}: expected heading {heading!r}, saw {current!r} at {self.driver.current_url}')

    def wait(self, condition, timeout=WAIT):
        # A page that re-renders replaces its elements: a condition that caught one mid-way
        # (stale, or not there yet) is asked again, not failed.
        return WebDriverWait(
            self.driver, timeout, poll_frequency=0.05,
            ignored_exceptions=(StaleElementReferenceException, NoSuchElementException, IndexError),
        ).until(condition)

    def wait_text(self, text, within='main'):
        return self.wait(lambda d: text in d.find_element(By.CSS_SELECTOR, within).text)

    # Forms ---------------------------------------------------------------------------------

    def field(self, label, scope=None):
        """The control a label names (by the label's start, so "(optional)" can follow)."""
        root = scope or self.driver
        labels = [l for l in root.find_elements(By.CSS_SELECTOR, 'label')
                  if l.text.strip().startswith(label) and l.is_displayed()]
        if not labels:
            raise AssertionError(f'{self.name}: no field labelled {label!r}')
        return self.driver.find_element(By.ID, labels[0].get_attribute('for'))

    def type(self, label, text, scope=None):
        control = self.field(label, scope)
        control.clear()
        control.send_keys(text)
        return control

    def choose(self, label, visible_text, scope=None):
        Select(self.field(label, scope)).select_by_visible_text(visible_text)

    def button(self, text, scope=None):
        root = scope or self.driver.find_element(By.CSS_SELECTOR, 'main')
        for candidate in root.find_elements(By.CSS_SELECTOR, 'button, a.button'):
            if candidate.text.strip() == text and candidate.is_displayed() and candidate.is_enabled():
                return candidate
        raise AssertionError(f'{self.name}: no button {text!r}')

    def click(self, text, scope=None):
        self.button(text, scope).click()

    # Stories -------------------------------------------------------------------------------

    def register(self):
        self.open('#/register', 'Create your account')
        self.type('Your name', self.name)
        self.type('Email', self.email)
        self.type('Password', PASSWORD)
        self.click('Create account')
        return self.screen(f'Hello, {self.name}')

    def create_invite(self, role_label):
        self.go('#/people', 'Sponsorships')
        self.driver.find_element(By.XPATH, f"//label[starts-with(normalize-space(.), '{role_label}')]").click()
        self.click('Create a code')
        code = self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.code span'))
        return '-'.join(span.text for span in code)

    def accept_invite(self, code):
        self.go('#/people', 'Sponsorships')
        self.type('Code', code)
        self.click('Connect')
        self.wait_text('You’re connected')

    def write_amend(self, title, person, harm, plan):
        self.go('#/entries/new/amend', 'New amend')
        self.type('Title', title)
        self.type('Who', person)
        self.type('What I did', harm)
        self.type('What I will do and say', plan)
        self.click('Save')
        self.screen(title)
        return self.driver.current_url.split('#/entries/')[1]

    def write_journal(self, title, text=''):
        self.go('#/entries/new/journal', 'New journal')
        self.type('Title', title)
        if text:
            self.type('What’s on your mind', text)
        self.click('Save')
        self.screen(title)

    def share(self, sponsor_name, access_text):
        row = self.wait(lambda d: [f for f in d.find_elements(By.CSS_SELECTOR, 'form.share-row') if sponsor_name in f.text])[0]
        Select(row.find_element(By.TAG_NAME, 'select')).select_by_visible_text(access_text)
        row.find_element(By.CSS_SELECTOR, 'button').click()

    def api(self, method, path, body=None, headers=None):
        """A request from inside the page (the cookie and Origin as the app sends them)."""
        return self.driver.execute_async_script("""
            const [method, path, body, headers, done] = arguments;
            fetch(path, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...headers },
                          body: body === null ? undefined : JSON.stringify(body) })
              .then(async (r) => done({ status: r.status, etag: r.headers.get('ETag'), body: await r.text() }))
              .catch((e) => done({ status: 0, body: String(e) }));
        """, method, path, body, headers or {})

    def streams_events(self):
        """Whether the server streams events (`GET /v1/events` answers an event stream), asked and let go at once."""
        return self.driver.execute_async_script("""
            const done = arguments[0];
            const controller = new AbortController();
            fetch('/v1/events', { signal: controller.signal })
              .then((r) => done(r.ok && (r.headers.get('Content-Type') || '').startsWith('text/event-stream')), () => done(false))
              .finally(() => controller.abort());
        """)

    def quit(self):
        self.driver.quit()


class BrowserTestCase(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        os.makedirs(SHOTS, exist_ok=True)
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def person(self, name):
        person = Person(self.server, name)
        self.addCleanup(person.quit)
        return person

    def assert_no_script_errors(self, person):
        errors = [entry for entry in person.driver.get_log('browser')
                  if entry['level'] == 'SEVERE' and 'favicon' not in entry['message']
                  and 'the server responded with a status of' not in entry['message']]
        self.assertEqual(errors, [], f'{person.name}: console errors')

    @staticmethod
    def viewport(person, width, height=900, scheme='light'):
        """Emulates a screen `width` pixels wide (a phone below 600), `height` tall, in a colour scheme."""
        person.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
            'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600})
        person.driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {'features': [
            {'name': 'prefers-color-scheme', 'value': scheme}, {'name': 'prefers-reduced-motion', 'value': 'reduce'}]})

    def screenshot(self, person, name):
        """The whole page at 390 and 1280 pixels wide (and dark at 390), into .build/screenshots/."""
        for width, scheme, suffix in ((390, 'light', '390'), (1280, 'light', '1280'), (390, 'dark', 'dark-390')):
            self.viewport(person, width, scheme=scheme)
            height = person.driver.execute_script('return document.documentElement.scrollHeight')
            self.viewport(person, width, min(max(height, 900), 8000), scheme)
            person.driver.save_screenshot(os.path.join(SHOTS, f'{name}-{suffix}.png'))
        self.viewport(person, 1280)

    def audit(self, person, name):
        driver = person.driver
        if not driver.execute_script('return Boolean(window.axe)'):
            with open(os.environ['AXE_SCRIPT'], encoding='utf-8') as script:
                driver.execute_script(script.read())
        violations = []
        for width, scheme in ((390, 'light'), (1280, 'light'), (1280, 'dark')):
            self.viewport(person, width, scheme=scheme)
            result = driver.execute_async_script(
                "const done = arguments[0];"
                "axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations), (e) => done(String(e)));")
            self.assertIsInstance(result, list, f'axe failed on {name}: {result}')
            violations += [f"{name}@{width} {scheme}: {v['id']} ({v['impact']}): {v['help']} — "
                           f"{[n['target'] for n in v['nodes']][:3]}"
                           for v in result if v['impact'] in ('serious', 'critical')]
        self.viewport(person, 1280)
        self.assertEqual(violations, [], '\n'.join(violations))


class StoryTests(BrowserTestCase):
    def test_sponsee_and_sponsor_talk_over_a_planned_amend(self):
        """Issue 14's story, in two browsers: live where the server streams events, else after navigation."""
        sam, alex = self.person('Sam'), self.person('Alex')
        sam.register()
        live = sam.streams_events()
        code = sam.create_invite('Sponsee')
        self.assertRegex(code, r'^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$')
        alex.register()
        alex.accept_invite(code)
        self.assertIn('You sponsor Sam', alex.driver.find_element(By.TAG_NAME, 'main').text)
        alex.go('#/shared', 'Shared with me')
        alex.wait_text('Nothing shared with you yet.')

        def arrives(person, text, within, path, heading):
            """`text` shows on the open page by itself when events stream, else once the page is opened again."""
            if not live:
                person.go('#/', None)
                person.go(path, heading)
            person.wait_text(text, within)

        entry = sam.write_amend('Amends to my brother', 'Jamie', 'I borrowed money and lied about it.',
                                'Pay it back and say I was wrong, without excuses.')
        sam.wait_text('Who can see this')
        sam.share('Alex', 'Can read and comment')
        sam.wait_text('Alex can now read this and comment on it.')

        arrives(alex, 'Amends to my brother', 'main', '#/shared', 'Shared with me')
        alex.driver.find_element(By.PARTIAL_LINK_TEXT, 'Amends to my brother').click()
        alex.screen('Amends to my brother')
        self.assertIn('Jamie', alex.driver.find_element(By.TAG_NAME, 'main').text)
        self.assertIn('Sam hasn’t asked for your word on this amend.', alex.driver.find_element(By.TAG_NAME, 'main').text)
        alex.type('Write to Sam', 'Call me before you meet him.')
        alex.click('Send')
        alex.wait_text('Call me before you meet him.', '.thread')

        # Sam has the amend open all along: the comment comes into the thread.
        arrives(sam, 'Call me before you meet him.', '.thread', f'#/entries/{entry}', 'Amends to my brother')
        sam.click('Reply', sam.driver.find_element(By.CSS_SELECTOR, '.comment'))
        sam.type('Your reply to Alex', 'I will call you on Sunday.')
        sam.click('Send reply')
        reply = sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.replies .comment'))[0]
        self.assertIn('I will call you on Sunday.', reply.text)
        arrives(alex, 'I will call you on Sunday.', '.thread', f'#/entries/{entry}', 'Amends to my brother')

        # Sam asks for Alex's word; Alex finds it waiting and says "wait", with a note.
        sam.click('Ask Alex for their word')
        sam.wait_text('Alex has been asked for their word.')
        sam.wait_text('Waiting for Alex’s answer.')
        alex.go('#/shared', 'Shared with me')
        alex.wait_text('Waiting for your word (1)')
        alex.driver.find_element(By.CSS_SELECTOR, '.waiting a').click()
        alex.screen('Amends to my brother')
        alex.driver.find_element(By.XPATH, "//main//label[normalize-space(.) = 'Wait for now']").click()
        alex.click('Send my answer')
        alex.wait_text('Say why in a few words')
        alex.type('In your words', 'Wait until you have the money saved; talk to me first.')
        alex.click('Send my answer')
        alex.wait_text('Your answer was sent to Sam.')
        self.assertIn('You said: Wait for now.', alex.driver.find_element(By.CSS_SELECTOR, '.reviews').text)
        alex.button('Change my answer')  # the latest answer stands, and can be given again

        arrives(sam, 'Alex said: Wait for now.', '.reviews', f'#/entries/{entry}', 'Amends to my brother')
        self.assertIn('Wait until you have the money saved', sam.driver.find_element(By.CSS_SELECTOR, '.reviews').text)
        self.assertNotIn('About an earlier text', sam.driver.find_element(By.CSS_SELECTOR, '.reviews').text)

        # Sam changes the plan: the answer now speaks of an earlier text.
        sam.click('Edit')
        sam.screen('Edit: Amends to my brother')
        sam.type('What I will do and say', 'Save the money first, then pay it back and say I was wrong.')
        sam.click('Save changes')
        sam.screen('Amends to my brother')
        reviews = sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.review.earlier'))[0]
        self.assertIn('About an earlier text', reviews.text)
        self.assertIn('The amend has changed since Alex answered', reviews.text)

        # Alex has the shared list open when Sam takes the share back: the amend goes from it
        # (when Alex comes back to the window; there is no event for a share taken back).
        alex.go('#/shared', 'Shared with me')
        alex.wait_text('Amends to my brother')
        sam.share('Alex', 'Not shared')
        sam.wait_text('Alex can no longer see this entry or its comments.')

        def gone(driver):
            driver.execute_script("window.dispatchEvent(new Event('focus'))")
            return 'Amends to my brother' not in driver.find_element(By.TAG_NAME, 'main').text
        alex.wait(gone)
        alex.go(f'#/entries/{entry}')
        alex.wait_text('isn’t here any more')
        self.assert_no_script_errors(sam)
        self.assert_no_script_errors(alex)

    def test_an_open_entry_page_follows_a_share_taken_back(self):
        sam, alex = self.person('Sam'), self.person('Alex')
        sam.register()
        code = sam.create_invite('Sponsee')
        alex.register()
        alex.accept_invite(code)
        entry = sam.write_amend('Amends to Ms. Ortiz', 'Ms. Ortiz', 'Took things from the shop.', 'Return them.')
        sam.share('Alex', 'Can read')
        sam.wait_text('can now read this')
        alex.go(f'#/entries/{entry}', 'Amends to Ms. Ortiz')
        self.assertIn('You can read this conversation but not add to it.', alex.driver.find_element(By.TAG_NAME, 'main').text)
        sam.share('Alex', 'Not shared')
        sam.wait_text('can no longer see')

        def gone(driver):
            driver.execute_script("window.dispatchEvent(new Event('focus'))")
            return 'No longer shared with you' in driver.find_element(By.TAG_NAME, 'main').text
        alex.wait(gone)
        self.assertNotIn('Return them.', alex.driver.find_element(By.TAG_NAME, 'main').text)

    def test_nothing_a_person_writes_runs_as_code(self):
        sam = self.person('Sam')
        sam.register()
        attack = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
        sam.write_journal(attack, attack)
        sam.type('Add a comment', attack)
        sam.click('Send')
        sam.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '.comment')) == 1)
        for screen in ('#/', '#/entries'):
            sam.go(screen)
            sam.wait_text(attack)
        sam.driver.back()
        sam.driver.back()
        sam.screen(attack)
        main = sam.driver.find_element(By.TAG_NAME, 'main')
        self.assertGreaterEqual(main.text.count(attack), 3, 'title, body and comment shown as text')
        self.assertEqual(main.find_elements(By.CSS_SELECTOR, 'img, script'), [])
        self.assertIsNone(sam.driver.execute_script('return window.__xss'))
        self.assertEqual(sam.driver.title, 'Journal · Stepwork', 'what a person wrote stays out of the history')

    def test_a_conflicting_edit_keeps_both_texts(self):
        sam = self.person('Sam')
        sam.register()
        entry = sam.write_amend('Amends to Ms. Ortiz', 'Ms. Ortiz', 'Took things from the shop.', 'Return them.')
        sam.go(f'#/entries/{entry}/edit', 'Edit: Amends to Ms. Ortiz')
        # Meanwhile, on another device:
        current = sam.api('GET', f'/v1/entries/{entry}')
        answer = sam.api('PATCH', f'/v1/entries/{entry}', {'fields': {'person': 'Ms. Ortiz', 'plan': 'Pay for them.', 'status': 'ready'}},
                         {'If-Match': current['etag']})
        self.assertEqual(answer['status'], 200, answer['body'])
        sam.type('What I will do and say', 'Return them and offer to work a Saturday.')
        sam.click('Save changes')
        sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.conflict'))
        conflict = sam.driver.find_element(By.CSS_SELECTOR, '.conflict')
        self.assertIn('Return them and offer to work a Saturday.', conflict.text)
        self.assertIn('Pay for them.', conflict.text)
        self.assertIn('Ready to make', conflict.text, 'choices in words, not API values')
        self.assertEqual(sam.driver.switch_to.active_element.tag_name, 'h2')
        self.screenshot(sam, 'edit-conflict')
        self.audit(sam, 'edit-conflict')

        sam.click('Use the newer one')
        self.assertEqual(sam.field('What I will do and say').get_attribute('value'), 'Pay for them.')
        self.assertIn('Return them and offer to work a Saturday.', sam.driver.find_element(By.CSS_SELECTOR, '.conflict').text)
        sam.type('What I will do and say', 'Pay for them and work a Saturday.')
        sam.click('Save changes')
        sam.screen('Amends to Ms. Ortiz')
        sam.wait_text('Pay for them and work a Saturday.')

        # Keeping mine over a newer version saves mine.
        sam.go(f'#/entries/{entry}/edit', 'Edit')
        current = sam.api('GET', f'/v1/entries/{entry}')
        sam.api('PATCH', f'/v1/entries/{entry}', {'title': 'Renamed elsewhere'}, {'If-Match': current['etag']})
        sam.type('Title', 'My title')
        sam.click('Save changes')
        sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.conflict'))
        sam.click('Keep mine')
        sam.screen('My title')

    def test_keyboard_alone_signs_in_and_writes_an_entry(self):
        sam = self.person('Sam')
        sam.register()
        sam.go('#/account', 'Account')
        sam.click('Sign out')
        sam.screen('Sign in')

        def press(*sequence):
            ActionChains(sam.driver).send_keys(*sequence).perform()

        def tab_to(predicate, limit=40):
            for _ in range(limit):
                press(Keys.TAB)
                if predicate(sam.driver.switch_to.active_element):
                    return sam.driver.switch_to.active_element
            raise AssertionError('Tab never reached the element')

        tab_to(lambda e: e.get_attribute('type') == 'email')
        press(sam.email)
        press(Keys.TAB, PASSWORD, Keys.ENTER)
        sam.screen('Hello, Sam')
        tab_to(lambda e: e.text == 'New journal')
        press(Keys.ENTER)
        sam.screen('New journal')
        tab_to(lambda e: e.get_attribute('name') == 'title')
        press('Written with the keyboard alone')
        tab_to(lambda e: e.get_attribute('name') == 'body')
        press('Grateful today.')
        tab_to(lambda e: e.text == 'Save')
        press(Keys.ENTER)
        sam.screen('Written with the keyboard alone')

    def test_the_amend_form_walks_the_step_9_path(self):
        sam = self.person('Sam')
        sam.register()
        if sam.api('GET', '/v1/amends/summary')['status'] != 200:
            self.skipTest('this server has no Step 9 amend fields (API 1.1) yet')

        def set_date(label, value):
            sam.driver.execute_script('arguments[0].value = arguments[1]', sam.field(label), value)

        def pick(text):
            sam.driver.find_element(By.XPATH, f"//main//label[normalize-space(.) = '{text}']").click()

        sam.go('#/entries/new/amend', 'New amend')
        sam.type('Who', 'Dana')
        sam.type('Who they are to me', 'former employer')
        sam.type('What I did', 'Took money from the till.')
        sam.type('What I will do and say', 'Write, admit it, and repay it.')
        sam.type('What I owe', '300 dollars')
        sam.choose('How', 'By letter')
        pick('Possibly')
        sam.type('Why I think so', 'It could cost a colleague their job.')
        sam.choose('Where it stands', 'Made')
        set_date('The day I made it', '2026-11-01')
        sam.type('How it went', 'She listened.')
        pick('They accepted it')
        sam.click('Save')
        sam.screen('Amends to Dana')
        page = sam.driver.find_element(By.TAG_NAME, 'main').text
        for shown in ('former employer', '300 dollars', 'By letter', 'Possibly', 'Made', '1 November 2026',
                      'She listened.', 'They accepted it'):
            self.assertIn(shown, page)
        sam.go('#/amends', 'Step 8 list')
        sam.wait_text('Made (1)')

        sam.go('#/entries', 'Your entries')
        sam.driver.find_element(By.PARTIAL_LINK_TEXT, 'Amends to Dana').click()
        sam.screen('Amends to Dana')
        sam.click('Edit')
        sam.screen('Edit: Amends to Dana')
        sam.choose('Where it stands', 'Waiting for now')
        set_date('Look at it again on', '2026-01-01')
        sam.click('Save changes')
        sam.screen('Amends to Dana')
        self.assertNotIn('She listened.', sam.driver.find_element(By.TAG_NAME, 'main').text, 'how it went goes with made')
        sam.go('#/', 'Hello, Sam')
        sam.wait_text('1 amend to look at again')

    def test_a_session_ending_while_writing_loses_nothing(self):
        sam = self.person('Sam')
        sam.register()
        sam.go('#/entries/new/journal', 'New journal')
        sam.type('Title', 'Written across a sign-in')
        sam.type('What’s on your mind', 'Every word of this stays.')
        sam.driver.delete_all_cookies()  # as when the session expires or is ended elsewhere
        sam.click('Save')
        dialog = sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))[0]
        self.assertEqual(sam.driver.switch_to.active_element.get_attribute('name'), 'password')
        self.screenshot(sam, 'sign-in-again')
        self.audit(sam, 'sign-in-again')
        sam.type('Password', PASSWORD, dialog)
        sam.click('Sign in', dialog)
        sam.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))
        self.assertEqual(sam.field('What’s on your mind').get_attribute('value'), 'Every word of this stays.')
        sam.click('Save')
        sam.screen('Written across a sign-in')

    def test_comments_are_edited_and_deleted_in_place(self):
        sam = self.person('Sam')
        sam.register()
        sam.write_journal('Thinking aloud')
        sam.type('Add a comment', 'First thought')
        sam.click('Send')
        first = sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.comment'))[0]
        sam.click('Reply', first)
        sam.type('Your reply to Sam', 'Second thought')
        sam.click('Send reply')
        sam.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.replies .comment'))

        first = sam.driver.find_elements(By.CSS_SELECTOR, '.comment')[0]
        sam.click('Edit', first)
        sam.type('Edit your comment', 'First thought, put better')
        sam.click('Save', sam.driver.find_element(By.CSS_SELECTOR, '.comment-form'))
        sam.wait(lambda d: 'First thought, put better' in d.find_elements(By.CSS_SELECTOR, '.comment')[0].text)
        self.assertIn('edited', sam.driver.find_elements(By.CSS_SELECTOR, '.comment')[0].text)

        sam.click('Delete', sam.driver.find_elements(By.CSS_SELECTOR, '.comment')[0])
        sam.click('Delete comment', sam.driver.find_elements(By.CSS_SELECTOR, '.comment')[0])
        sam.wait(lambda d: 'This comment was deleted.' in d.find_elements(By.CSS_SELECTOR, '.comment')[0].text)
        thread = sam.driver.find_element(By.CSS_SELECTOR, '.thread').text
        self.assertNotIn('First thought', thread)
        self.assertIn('Second thought', thread, 'a reply keeps its place under a deleted comment')

    def test_the_account_changes_password_ends_sessions_and_sponsorships(self):
        sam, alex = self.person('Sam'), self.person('Alex')
        sam.register()
        code = sam.create_invite('Sponsee')
        alex.register()
        alex.accept_invite(code)

        # A second browser signed in as Sam, then signed out from the first.
        other_device = self.person('Sam')
        other_device.open('#/sign-in', 'Sign in')
        other_device.type('Email', sam.email)
        other_device.type('Password', PASSWORD)
        other_device.click('Sign in')
        other_device.screen('Hello, Sam')
        sam.go('#/account', 'Account')
        sam.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '.session')) == 2)
        sam.click('Sign out there')
        sam.click('Sign it out')
        sam.wait_text('That session has ended.')
        self.assertEqual(len(sam.driver.find_elements(By.CSS_SELECTOR, '.session')), 1)
        other_device.driver.execute_script("window.location.hash = '#/entries'")  # the session is gone there
        other_device.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))

        sam.type('Current password', 'not my password at all')
        sam.type('New password', 'a brand new long password')
        sam.click('Change password')
        sam.wait_text('Your current password isn’t right.')
        sam.type('Current password', PASSWORD)
        sam.click('Change password')
        sam.wait_text('Your password was changed.')

        sam.go('#/people', 'Sponsorships')
        sam.click('End this sponsorship')
        sam.click('End it')
        sam.wait_text('Ended')
        self.assertIn('No sponsor or sponsee yet.', sam.driver.find_element(By.TAG_NAME, 'main').text)
        alex.go('#/shared', 'Shared with me')
        alex.wait_text('When you sponsor someone')

    def test_a_write_from_another_origin_is_refused(self):
        sam = self.person('Sam')
        sam.register()
        cookies = '; '.join(f"{c['name']}={c['value']}" for c in sam.driver.get_cookies())
        self.assertTrue(cookies, 'the session lives in a cookie')
        self.assertTrue(all(c.get('httpOnly') for c in sam.driver.get_cookies()), 'out of the page script’s reach')
        self.assertIsNone(sam.driver.execute_script('return document.cookie || null'))

        def post(origin):
            request = urllib.request.Request(
                self.server.origin + '/v1/entries', method='POST',
                data=json.dumps({'kind': 'journal', 'title': 'from elsewhere', 'body': ''}).encode(),
                headers={'Content-Type': 'application/json', 'Cookie': cookies, **({'Origin': origin} if origin else {})})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    return answer.status, json.loads(answer.read() or b'{}')
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read() or b'{}')

        status, body = post('http://evil.example')
        self.assertEqual((status, body.get('code')), (403, 'cross_origin'))
        status, body = post(None)
        self.assertEqual((status, body.get('code')), (403, 'cross_origin'))
        status, _ = post(self.server.origin)
        self.assertEqual(status, 201)
        sam.go('#/entries', 'Your entries')
        self.assertEqual(len(sam.driver.find_elements(By.CSS_SELECTOR, '.entries li')), 1, 'only the same-origin write')

    def test_errors_are_sentences(self):
        sam = self.person('Sam')
        sam.open('#/sign-in', 'Sign in')
        sam.type('Email', 'nobody@example.org')
        sam.type('Password', 'not the password at all')
        sam.click('Sign in')
        sam.wait_text('don’t match an account')
        sam.register()
        sam.go('#/people', 'Sponsorships')
        sam.type('Code', 'AAAA-BBBB-CCCC')
        sam.click('Connect')
        sam.wait_text('That code doesn’t work')
        sam.go('#/entries/00000000-0000-0000-0000-000000000000')
        sam.wait_text('isn’t here any more')

class PrivacyTests(BrowserTestCase):
    """Who read what, the export, lockdown and deleting the account (API 1.1; skipped on a server without them)."""

    def require(self, person, method, path, body=None):
        if person.api(method, path, body)['status'] in (404, 405):
            self.skipTest(f'this server has no {method} {path} yet')

    def connected(self, *probe):
        """Sam and Alex, sponsee and sponsor (once `probe`, a request, shows the server can do what is tested)."""
        sam, alex = self.person('Sam'), self.person('Alex')
        sam.register()
        self.require(sam, *probe)
        code = sam.create_invite('Sponsee')
        alex.register()
        alex.accept_invite(code)
        return sam, alex

    def test_who_read_what(self):
        sam, alex = self.connected('GET', '/v1/me/access-log')
        entry = sam.write_amend('Amends to my brother', 'Jamie', 'I lied.', 'Say so.')
        self.assertIn('Nobody else has read it.', sam.driver.find_element(By.TAG_NAME, 'main').text)
        sam.share('Alex', 'Can read')
        sam.wait_text('can now read this')
        alex.go(f'#/entries/{entry}', 'Amends to my brother')
        sam.go(f'#/entries/{entry}', 'Amends to my brother')
        sam.wait_text('Alex read it')
        sam.driver.find_element(By.LINK_TEXT, 'Everything about who read this').click()
        sam.screen('Who has read')
        sam.wait_text('Alex read the conversation')
        sam.go('#/account', 'Account')
        sam.driver.find_element(By.LINK_TEXT, 'Who read what').click()
        sam.screen('Who read what')
        sam.wait_text('Alex read “Amends to my brother”')

    def test_the_export_downloads_a_file(self):
        sam = self.person('Sam')
        sam.register()
        self.require(sam, 'POST', '/v1/me/export', {'password': ''})
        sam.write_journal('Kept in the export', 'Every word.')
        downloads = tempfile.mkdtemp(prefix='stepwork-downloads-')
        self.addCleanup(shutil.rmtree, downloads, True)
        sam.driver.execute_cdp_cmd('Browser.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': downloads})
        sam.go('#/account/export', 'Download your data')
        sam.type('Your password', 'not my password at all')
        sam.click('Download my data')
        sam.wait_text('That password isn’t right.')
        sam.type('Your password', PASSWORD)
        sam.click('Download my data')
        sam.wait_text('Your file is ready')
        link = sam.driver.find_element(By.CSS_SELECTOR, '.download-result a[download]')
        self.assertRegex(link.get_attribute('download'), r'^stepwork-export-\d{4}-\d{2}-\d{2}\.json$')
        self.assertTrue(link.get_attribute('href').startswith('blob:'))
        path = os.path.join(downloads, link.get_attribute('download'))
        sam.wait(lambda _: os.path.exists(path) and not any(n.endswith('.crdownload') for n in os.listdir(downloads)))
        with open(path, encoding='utf-8') as file:
            exported = json.load(file)
        self.assertEqual(exported['format'], 'stepwork-export/1')
        self.assertIn('Kept in the export', [e['title'] for e in exported['entries']])
        self.assertEqual(sam.field('Your password').get_attribute('value'), '', 'the password does not stay in the form')

    def test_lockdown_takes_back_every_share(self):
        sam, alex = self.connected('POST', '/v1/me/lockdown', {'endSponsorships': 'no'})
        entry = sam.write_amend('Amends to my brother', 'Jamie', 'I lied.', 'Say so.')
        sam.share('Alex', 'Can read and comment')
        sam.wait_text('can now read this')
        sam.go('#/account', 'Account')
        sam.driver.find_element(By.LINK_TEXT, 'Close everything now').click()
        sam.screen('Close everything now')
        sam.click('Close everything now')
        sam.wait_text('Take back every share now?')
        self.assertEqual(sam.driver.switch_to.active_element.text, 'Take back every share now?')
        sam.click('Cancel')
        sam.click('Close everything now')
        sam.click('Yes, close everything')
        sam.wait_text('Done. Everything is closed.')
        self.assertIn('1 share taken back', sam.driver.find_element(By.TAG_NAME, 'main').text)
        alex.go(f'#/entries/{entry}')
        alex.wait_text('isn’t here any more')
        alex.go('#/people', 'Sponsorships')
        alex.wait_text('You sponsor Sam')

    def test_deleting_the_account(self):
        sam, alex = self.connected('DELETE', '/v1/me', {'password': ''})
        sam.write_journal('Gone with the account')
        sam.go('#/account/delete', 'Delete your account')
        sam.click('Delete my account')
        sam.wait_text('Your password is needed.')
        sam.type('Your password', 'not my password at all')
        sam.click('Delete my account')
        sam.click('Yes, delete everything')
        sam.wait_text('That password isn’t right.')
        sam.type('Your password', PASSWORD)
        sam.click('Delete my account')
        sam.click('Keep my account')
        sam.click('Delete my account')
        sam.click('Yes, delete everything')
        sam.screen('Sign in')
        sam.wait_text('Your account and everything in it were deleted.')
        sam.type('Email', sam.email)
        sam.type('Password', PASSWORD)
        sam.click('Sign in')
        sam.wait_text('don’t match an account')
        alex.go('#/people', 'Sponsorships')
        alex.wait_text('No sponsor or sponsee yet.')


class EveryPageTests(BrowserTestCase):
    """Each page of the app, audited with axe-core and photographed at 390 and 1280 pixels."""

    def visit(self, person, hash_path, name, heading=None):
        person.go(hash_path, heading)
        person.wait(lambda d: d.execute_script('return !document.querySelector("main [aria-busy]")'))
        self.screenshot(person, name)
        self.audit(person, name)

    def test_every_page(self):
        sam, alex = self.person('Sam'), self.person('Alex')
        sam.open('#/sign-in', 'Sign in')
        self.screenshot(sam, 'sign-in')
        self.audit(sam, 'sign-in')
        sam.click('Sign in')
        sam.wait_text('Email is needed.')
        self.screenshot(sam, 'sign-in-errors')
        self.audit(sam, 'sign-in-errors')
        self.visit(sam, '#/register', 'register', 'Create your account')
        sam.register()
        sam.go('#/account', 'Account')
        sam.type('Sobriety date', '')
        sam.driver.execute_script(
            "const i = document.querySelector('input[name=sobrietyDate]'); i.value = '2025-03-01';")
        sam.click('Save')
        sam.wait_text('Saved.')
        code = sam.create_invite('Sponsee')
        self.screenshot(sam, 'sponsorships-invite')
        self.audit(sam, 'sponsorships-invite')
        alex.register()
        alex.accept_invite(code)

        entry = sam.write_amend('Amends to my brother', 'Jamie', 'I borrowed money and lied about it.',
                                'Pay it back and say I was wrong.')
        sam.share('Alex', 'Can read and comment')
        sam.wait_text('can now read this')
        alex.go(f'#/entries/{entry}', 'Amends to my brother')
        alex.type('Write to Sam', 'Call me before you meet him.')
        alex.click('Send')
        alex.wait_text('Call me before you meet him.', '.thread')
        sam.write_journal('A quiet morning', 'Coffee, a meeting, a call with Alex.\nGrateful.')
        sam.go(f'#/entries/{entry}', 'Amends to my brother')
        sam.click('Ask Alex for their word')
        sam.wait_text('Waiting for Alex’s answer.')
        alex.go(f'#/entries/{entry}', 'Amends to my brother')
        alex.driver.find_element(By.XPATH, "//main//label[normalize-space(.) = 'Wait for now']").click()
        alex.type('In your words', 'Not before you have talked it through with me.')
        alex.click('Send my answer')
        alex.wait_text('Your answer was sent to Sam.')
        sam.go(f'#/entries/{entry}/edit', 'Edit')
        sam.type('What I will do and say', 'Pay it back in full and say I was wrong, without excuses.')
        sam.click('Save changes')
        sam.screen('Amends to my brother')

        self.visit(sam, '#/', 'home', 'Hello, Sam')
        self.assertIn('days sober', sam.driver.find_element(By.TAG_NAME, 'main').text)
        self.visit(sam, '#/entries', 'entries', 'Your entries')
        self.visit(sam, f'#/entries/{entry}', 'entry-owner', 'Amends to my brother')
        self.assertIn('About an earlier version', sam.driver.find_element(By.CSS_SELECTOR, '.thread').text)
        sam.click('Delete', sam.driver.find_element(By.CSS_SELECTOR, 'article.entry'))
        sam.wait_text('Delete this entry for good?')
        self.screenshot(sam, 'entry-confirm-delete')
        self.audit(sam, 'entry-confirm-delete')
        for kind, heading in (('journal', 'New journal'), ('step_work', 'New step work'), ('inventory', 'New daily inventory'),
                              ('amend', 'New amend'), ('meeting', 'New meeting')):
            self.visit(sam, f'#/entries/new/{kind}', f'new-{kind}', heading)
        sam.go('#/entries/new/step_work', 'New step work')
        sam.click('Save')
        sam.wait_text('Choose the step this work is for.')
        self.screenshot(sam, 'new-step-work-errors')
        self.audit(sam, 'new-step-work-errors')
        self.visit(sam, f'#/entries/{entry}/edit', 'edit-amend', 'Edit')
        self.visit(sam, '#/amends', 'step-8-list', 'Step 8 list')
        self.visit(sam, '#/people', 'sponsorships', 'Sponsorships')
        sam.click('End this sponsorship')
        sam.wait_text('End the sponsorship with Alex?')
        self.screenshot(sam, 'sponsorships-confirm-end')
        self.audit(sam, 'sponsorships-confirm-end')
        self.visit(sam, '#/account', 'account', 'Account')
        self.visit(sam, '#/account/export', 'export', 'Download your data')
        self.visit(sam, '#/account/lockdown', 'lockdown', 'Close everything now')
        sam.click('Close everything now')
        sam.wait_text('Take back every share now?')
        self.screenshot(sam, 'lockdown-confirm')
        self.audit(sam, 'lockdown-confirm')
        self.visit(sam, '#/account/delete', 'delete-account', 'Delete your account')
        sam.type('Your password', PASSWORD)
        sam.click('Delete my account')
        sam.wait_text('This can’t be undone.')
        self.screenshot(sam, 'delete-account-confirm')
        self.audit(sam, 'delete-account-confirm')
        if sam.api('GET', '/v1/me/access-log')['status'] == 200:
            self.visit(sam, '#/account/reads', 'who-read-what', 'Who read what')
            self.visit(sam, f'#/entries/{entry}/reads', 'entry-reads', 'Who has read')
        if sam.api('GET', '/v1/activity')['status'] == 200:
            self.visit(sam, '#/activity', 'activity', 'What’s new')
        self.visit(sam, '#/nowhere', 'not-found', 'Page not found')
        # A second request for Alex's word, still waiting: on Sam's amend, Alex's list and Alex's page.
        sam.go(f'#/entries/{entry}', 'Amends to my brother')
        sam.click('Ask Alex for their word')
        sam.wait_text('Waiting for Alex’s answer.')
        self.visit(sam, f'#/entries/{entry}', 'entry-owner-reviews', 'Amends to my brother')
        self.assertIn('About an earlier text', sam.driver.find_element(By.CSS_SELECTOR, '.reviews').text)
        self.visit(alex, '#/', 'home-sponsor', 'Hello, Alex')
        self.assertIn('Sam is waiting for your word on 1 amend', alex.driver.find_element(By.TAG_NAME, 'main').text)
        self.visit(alex, '#/shared', 'shared-with-me', 'Shared with me')
        self.visit(alex, f'#/entries/{entry}', 'entry-sponsor', 'Amends to my brother')
        for person in (sam, alex):
            self.assert_no_script_errors(person)


if __name__ == '__main__':
    unittest.main(verbosity=2)
