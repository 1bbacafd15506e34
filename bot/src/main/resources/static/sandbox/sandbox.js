// The sandbox web chat: the person plays messenger users; the API injects what they do into the in-process fake
// Bot API and reads back what the bot sent. Plain browser JavaScript, no build step, no network beyond this app.
'use strict';

(function () {
  const API = '/sandbox/api';
  const POLL_WAIT_SECONDS = 20;
  const DEFAULT_LOCATION = { latitude: 35.6892, longitude: 51.3890 };

  const state = {
    platform: 'telegram',
    users: [],
    userId: null,
    chats: [],
    chatId: null,
    items: new Map(), // key → bubble
    revision: null,
    own: null,
    replyKeyboard: [],
    botStatus: null,
    generation: 0, // bumps on every chat switch: stale polls see it and stop
    abort: null,
  };

  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function call(method, path, body, signal) {
    const options = { method, headers: {}, signal };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, options);
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      data = await response.json();
    }
    if (!response.ok) {
      throw new ApiError(response.status, (data && data.message) || ('HTTP ' + response.status));
    }
    return data;
  }

  const platformPath = () => '/' + state.platform;
  const chatPath = () => platformPath() + '/chats/' + state.chatId;

  // ------------------------------------------------------------------ small helpers

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child);
    }
    return node;
  }

  let toastTimer = null;
  function toast(message, alert) {
    const box = $('toast');
    box.textContent = message;
    box.classList.toggle('alert', Boolean(alert));
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, alert ? 8000 : 4000);
  }

  function showError(error) {
    if (error && error.name === 'AbortError') return;
    toast('خطا: ' + (error && error.message ? error.message : error), true);
  }

  const persianTime = (micros) =>
    new Date(micros / 1000).toLocaleTimeString('fa-IR', { hour: '2-digit', minute: '2-digit' });

  const currentUser = () => state.users.find((u) => u.id === state.userId) || null;
  const currentChat = () => state.chats.find((c) => c.id === state.chatId) || null;

  // ------------------------------------------------------------------ Telegram HTML, rendered safely

  // Only these tags become elements; Telegram's synonyms map onto them. Everything else is shown as text.
  const TAGS = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's',
    code: 'code', pre: 'pre', a: 'a' };

  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, name) => {
      switch (name) {
        case 'lt': return '<';
        case 'gt': return '>';
        case 'amp': return '&';
        case 'quot': return '"';
        case 'apos': return "'";
        default: {
          const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          try { return String.fromCodePoint(code); } catch (e) { return whole; }
        }
      }
    });
  }

  function safeHref(attributes) {
    const match = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
    if (!match) return null;
    const href = decodeEntities(match[1] !== undefined ? match[1] : match[2]).trim();
    return /^(https?:|tg:|mailto:)/i.test(href) ? href : null;
  }

  /** Builds DOM nodes for a Telegram HTML text; no markup from the bot ever reaches innerHTML. */
  function renderHtml(text, container) {
    const stack = [{ tag: null, node: container }];
    const top = () => stack[stack.length - 1].node;
    const appendText = (t) => { if (t) top().append(document.createTextNode(decodeEntities(t))); };
    let i = 0;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      if (lt < 0) { appendText(text.slice(i)); break; }
      appendText(text.slice(i, lt));
      const gt = text.indexOf('>', lt);
      if (gt < 0) { top().append(document.createTextNode(text.slice(lt))); break; }
      const inside = text.slice(lt + 1, gt);
      const match = /^\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*)$/.exec(inside);
      const tag = match ? TAGS[match[2].toLowerCase()] : undefined;
      if (!tag) {
        top().append(document.createTextNode(text.slice(lt, gt + 1)));
      } else if (match[1] === '/') {
        const at = stack.map((s) => s.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at; else top().append(document.createTextNode(text.slice(lt, gt + 1)));
      } else {
        const node = document.createElement(tag);
        if (tag === 'a') {
          const href = safeHref(match[3]);
          if (href) {
            node.href = href;
            node.target = '_blank';
            node.rel = 'noopener noreferrer';
          }
        }
        top().append(node);
        stack.push({ tag, node });
      }
      i = gt + 1;
    }
  }

  function messageText(item) {
    const box = el('div', { class: 'text', dir: 'auto' });
    if (item.parseMode && item.parseMode.toUpperCase() === 'HTML') renderHtml(item.text || '', box);
    else box.textContent = item.text || '';
    return box;
  }

  // ------------------------------------------------------------------ rendering

  function renderPlatform() {
    document.body.dataset.platform = state.platform;
    for (const button of document.querySelectorAll('.platform')) {
      button.setAttribute('aria-pressed', String(button.dataset.platform === state.platform));
    }
  }

  function renderUsers() {
    const picker = $('user-picker');
    picker.replaceChildren();
    if (state.users.length === 0) {
      picker.append(el('option', { value: '', text: '— هنوز کاربری نیست —' }));
    }
    for (const user of state.users) {
      const label = user.firstName + ' · ' + user.id + (user.admin ? ' · مدیر کل' : '');
      picker.append(el('option', { value: String(user.id), text: label, 'data-testid': 'user-option' }));
    }
    picker.value = state.userId === null ? '' : String(state.userId);
    const user = currentUser();
    $('user-id').textContent = user ? 'شناسه: ' + user.id : '';
    $('user-id').setAttribute('dir', 'rtl');
    $('admin-hint').textContent = 'HAMYAR_ADMINS=' + (user ? user.adminSetting : state.platform + ':<id>');
  }

  function renderChats() {
    const list = $('chat-list');
    list.replaceChildren();
    for (const chat of state.chats) {
      const isPrivate = chat.type === 'private';
      const title = isPrivate ? 'گفتگوی خصوصی با ربات' : chat.title;
      const detail = isPrivate
        ? el('span', { class: 'chat-detail', dir: 'ltr', text: '@' + chat.title })
        : el('span', { class: 'chat-detail' }, 'گروه · ', el('bdi', { dir: 'ltr', text: String(chat.id) }),
          botIsIn(chat.botStatus) ? '' : ' · ربات بیرون است');
      const button = el('button', {
        type: 'button', class: 'chat-item', 'data-testid': 'chat-item', 'data-chat-id': String(chat.id),
        'data-chat-type': chat.type, 'aria-current': chat.id === state.chatId ? 'true' : null,
        onclick: () => navigate(() => openChat(chat.id)),
      }, el('span', { class: 'chat-icon' + (isPrivate ? ' bot' : ''), 'aria-hidden': 'true',
        text: isPrivate ? 'ر' : Array.from(chat.title.trim())[0] || 'گ' }),
      el('span', { class: 'chat-names' }, el('span', { class: 'chat-name', text: title, dir: 'auto' }),
        detail));
      list.append(el('li', {}, button));
    }
  }

  const botIsIn = (status) => status === 'member' || status === 'administrator';

  function renderChatHeader() {
    const chat = currentChat();
    const user = currentUser();
    $('chat-title').textContent = chat
      ? (chat.type === 'private' ? 'ربات @' + chat.title : chat.title)
      : 'گفتگو';
    $('chat-subtitle').textContent = chat && user
      ? (chat.type === 'private' ? 'شما: ' + user.firstName : 'شما در گروه: ' + user.firstName)
      : 'یک کاربر بسازید یا برگزینید';
    const isGroup = chat && chat.type === 'group';
    $('group-tools').hidden = !isGroup;
    if (isGroup) {
      $('bot-status').textContent = statusLabel(state.botStatus || chat.botStatus);
    }
    // contact, location and photo exist only in the private chat (as the fake Bot API models it)
    for (const id of ['attach-photo', 'share-location', 'share-contact']) {
      $(id).disabled = !chat || isGroup;
    }
    $('message-input').disabled = !chat;
    $('send-button').disabled = !chat;
  }

  function statusLabel(status) {
    return { member: 'عضو', administrator: 'مدیر گروه', left: 'بیرون رفته', kicked: 'اخراج‌شده' }[status] || status || '';
  }

  function sortedItems() {
    return [...state.items.values()].sort((a, b) =>
      a.time - b.time || (a.from === b.from ? 0 : a.from === 'user' ? -1 : 1) || (a.messageId || a.seq) - (b.messageId || b.seq));
  }

  /** Redraws the chat; stays at the bottom when the reader was there (or {@code toBottom}). */
  function renderMessages(toBottom) {
    const list = $('messages');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    // the reply keyboard first: it changes the height of the list
    renderReplyKeyboard();
    list.replaceChildren();
    const chat = currentChat();
    if (state.items.size === 0) {
      list.append(el('li', { class: 'empty', text: chat && chat.type === 'private'
        ? 'برای شروع، /start را بفرستید.' : 'هنوز پیامی نیست.' }));
    }
    for (const item of sortedItems()) {
      list.append(item.from === 'bot' ? botBubble(item) : userBubble(item, chat));
    }
    if (toBottom || nearBottom || list.dataset.scrolled !== 'yes') {
      list.scrollTop = list.scrollHeight;
      if (state.items.size > 0) list.dataset.scrolled = 'yes';
    }
    list.dataset.stick = list.scrollHeight - list.scrollTop - list.clientHeight < 80 ? 'yes' : 'no';
  }

  function botBubble(item) {
    const bubble = el('li', { class: 'msg bot' + (item.deleted ? ' deleted' : ''), 'data-testid': 'bot-message',
      'data-message-id': String(item.messageId), 'data-edited': item.edited ? 'true' : 'false' });
    if (item.deleted) {
      bubble.append(el('div', { class: 'text muted', text: 'این پیام را ربات پاک کرد.' }));
      return bubble;
    }
    if (item.attachment) bubble.append(attachment(item.attachment));
    if (item.text) bubble.append(messageText(item));
    if (item.inlineKeyboard && item.inlineKeyboard.length) {
      const keyboard = el('div', { class: 'inline-keyboard', role: 'group', 'aria-label': 'دکمه‌های پیام' });
      for (const row of item.inlineKeyboard) {
        const line = el('div', { class: 'inline-row' });
        for (const button of row) {
          if (button.data) {
            line.append(el('button', { type: 'button', class: 'inline-button', 'data-testid': 'inline-button',
              'data-callback-data': button.data, dir: 'auto', text: button.label,
              onclick: (event) => tap(item.messageId, button.data, event.currentTarget) }));
          } else if (button.url && /^(https?:|tg:)/i.test(button.url)) {
            line.append(el('a', { class: 'inline-button link', 'data-testid': 'inline-link', href: button.url,
              target: '_blank', rel: 'noopener noreferrer', dir: 'auto', text: button.label + ' ↗' }));
          } else {
            line.append(el('span', { class: 'inline-button disabled', text: button.label }));
          }
        }
        keyboard.append(line);
      }
      bubble.append(keyboard);
    }
    bubble.append(el('div', { class: 'meta' },
      item.edited ? el('span', { class: 'edited', 'data-testid': 'edited-mark', text: 'ویرایش‌شده' }) : null,
      el('time', { text: persianTime(item.time) })));
    return bubble;
  }

  function attachment(file) {
    if (file.kind === 'photo') {
      return el('a', { href: file.url, target: '_blank', rel: 'noopener', class: 'photo-link' },
        el('img', { src: file.url, alt: 'عکسی که ربات فرستاد', class: 'photo', 'data-testid': 'bot-photo',
          onload: keepAtBottom }));
    }
    const size = file.size ? ' (' + Math.max(1, Math.round(file.size / 1024)).toLocaleString('fa-IR') + ' کیلوبایت)' : '';
    return el('a', { href: file.url, download: file.fileName || file.fileId, class: 'document',
      'data-testid': 'bot-document' }, 'پرونده: ', el('span', { dir: 'auto', text: (file.fileName || 'پرونده') + size }));
  }

  function userBubble(item, chat) {
    const mine = item.userId === state.userId;
    const bubble = el('li', { class: 'msg user' + (mine ? ' mine' : ' other'), 'data-testid': 'user-message',
      'data-seq': String(item.seq) });
    if (chat && chat.type === 'group') bubble.append(el('div', { class: 'sender', dir: 'auto', text: item.userName }));
    if (item.photoUrl) {
      bubble.append(el('img', { src: item.photoUrl, alt: 'عکسی که فرستادید', class: 'photo', onload: keepAtBottom }));
    } else if (item.caption !== null && item.caption !== undefined && !item.photoUrl) {
      bubble.append(el('div', { class: 'muted', text: '(عکس)' }));
    }
    if (item.caption) bubble.append(el('div', { class: 'text', dir: 'auto', text: item.caption }));
    if (item.text) bubble.append(el('div', { class: 'text', dir: 'auto', text: item.text }));
    if (item.contact) {
      const whose = item.contact.contactUserId === item.userId ? 'شمارهٔ خودم'
        : item.contact.contactUserId ? 'شمارهٔ کاربر ' + item.contact.contactUserId : 'شمارهٔ شخص دیگر';
      bubble.append(el('div', { class: 'text', 'data-testid': 'sent-contact' }, 'تماس · ' + whose + ': ',
        el('bdi', { dir: 'ltr', text: item.contact.phone })));
    }
    if (item.location) {
      bubble.append(el('div', { class: 'text', 'data-testid': 'sent-location' }, 'موقعیت: ',
        el('bdi', { dir: 'ltr', text: item.location.latitude + ', ' + item.location.longitude })));
    }
    if (item.delivered === false) {
      bubble.append(el('div', { class: 'muted', text: 'ربات در این گروه نیست؛ این پیام به آن نرسید.' }));
    }
    bubble.append(el('div', { class: 'meta' }, el('time', { text: persianTime(item.time) })));
    return bubble;
  }

  /** A picture that finishes loading grows the list: follow it down if the reader was at the bottom. */
  function keepAtBottom() {
    const list = $('messages');
    if (list.dataset.stick === 'yes') list.scrollTop = list.scrollHeight;
  }

  function renderReplyKeyboard() {
    const box = $('reply-keyboard');
    box.replaceChildren();
    box.hidden = state.replyKeyboard.length === 0;
    for (const row of state.replyKeyboard) {
      const line = el('div', { class: 'reply-row' });
      for (const button of row) {
        line.append(el('button', { type: 'button', class: 'reply-button', 'data-testid': 'reply-button',
          'data-request-contact': button.requestContact ? 'true' : null,
          'data-request-location': button.requestLocation ? 'true' : null, dir: 'auto',
          title: button.requestContact ? 'شمارهٔ شما را می‌فرستد' : button.requestLocation ? 'موقعیت شما را می‌فرستد' : null,
          text: button.label, onclick: () => replyButton(button) }));
      }
      box.append(line);
    }
  }

  // ------------------------------------------------------------------ loading and following

  async function loadUsers() {
    state.users = await call('GET', platformPath() + '/users');
    const remembered = Number(localStorage.getItem('hamyar.sandbox.user.' + state.platform));
    if (!state.users.some((u) => u.id === state.userId)) {
      state.userId = state.users.some((u) => u.id === remembered) ? remembered
        : (state.users[0] ? state.users[0].id : null);
    }
    renderUsers();
  }

  async function loadChats() {
    state.chats = state.userId === null ? [] : await call('GET', platformPath() + '/chats?userId=' + state.userId);
    if (!state.chats.some((c) => c.id === state.chatId)) {
      state.chatId = state.chats.length ? state.chats[0].id : null;
    }
    renderChats();
  }

  // Loading users and chats and switching chats run one after another, so a slow answer for an earlier
  // choice never overwrites a later one.
  let navigation = Promise.resolve();
  function navigate(task) {
    navigation = navigation.then(task).catch(showError);
    return navigation;
  }

  function refreshAll() {
    return navigate(async () => {
      await loadUsers();
      await loadChats();
      openChat(state.chatId);
    });
  }

  function resetChat() {
    state.generation += 1;
    if (state.abort) state.abort.abort();
    state.abort = new AbortController();
    state.items = new Map();
    state.revision = null;
    state.own = null;
    state.replyKeyboard = [];
    state.botStatus = null;
    $('messages').dataset.scrolled = 'no';
  }

  function openChat(chatId) {
    resetChat();
    state.chatId = chatId;
    renderChats();
    renderChatHeader();
    renderMessages();
    if (chatId === null || chatId === undefined) return;
    const generation = state.generation;
    follow(generation, state.abort.signal);
  }

  function apply(data) {
    for (const item of data.messages) state.items.set(item.key, item);
    state.revision = data.revision;
    state.own = data.own;
    state.replyKeyboard = data.replyKeyboard || [];
    if (data.botStatus !== state.botStatus) {
      state.botStatus = data.botStatus;
      const chat = currentChat();
      if (chat && data.botStatus) chat.botStatus = data.botStatus;
      renderChats();
      renderChatHeader();
    }
    renderMessages();
  }

  /** Long polls the open chat until another chat is opened. */
  async function follow(generation, signal) {
    let failures = 0;
    while (generation === state.generation) {
      try {
        const query = state.revision === null ? ''
          : '?since=' + state.revision + '&own=' + state.own + '&wait=' + POLL_WAIT_SECONDS;
        const data = await call('GET', chatPath() + '/messages' + query, undefined, signal);
        if (generation !== state.generation) return;
        apply(data);
        failures = 0;
      } catch (error) {
        if (signal.aborted || generation !== state.generation) return;
        failures += 1;
        if (failures === 3) showError(error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * failures)));
      }
    }
  }

  /** Shows what the person just sent at once, without waiting for the next poll. */
  function showSent(result) {
    if (result && result.sent) {
      state.items.set(result.sent.key, result.sent);
      renderMessages(true);
    }
  }

  // ------------------------------------------------------------------ acting

  async function sendText(text) {
    if (!state.chatId || !text.trim()) return;
    showSent(await call('POST', chatPath() + '/text', { userId: state.userId, text }));
  }

  async function tap(messageId, data, button) {
    if (button) button.classList.add('pressed');
    try {
      const result = await call('POST', chatPath() + '/tap', { userId: state.userId, messageId, data });
      if (result.answer && result.answer.text) toast(result.answer.text, result.answer.showAlert);
    } catch (error) {
      showError(error);
    } finally {
      if (button) setTimeout(() => button.classList.remove('pressed'), 300);
    }
  }

  async function shareContact(phone, own, contactUserId) {
    const result = await call('POST', chatPath() + '/contact',
      { userId: state.userId, phone, own, contactUserId: contactUserId || null });
    if (own) {
      const user = currentUser();
      if (user) user.phone = phone;
    }
    showSent(result);
  }

  async function shareLocation(latitude, longitude) {
    showSent(await call('POST', chatPath() + '/location', { userId: state.userId, latitude, longitude }));
  }

  async function sendPhoto(file, caption) {
    const form = new FormData();
    form.append('userId', String(state.userId));
    form.append('file', file);
    if (caption) form.append('caption', caption);
    showSent(await call('POST', chatPath() + '/photo', form));
  }

  async function replyButton(button) {
    try {
      if (button.requestContact) {
        const user = currentUser();
        // the number is asked for once per user, then shared like a phone would
        if (user && user.phone) await shareContact(user.phone, true, null);
        else openContactDialog(true);
      } else if (button.requestLocation) {
        openLocationDialog();
      } else {
        await sendText(button.label);
      }
    } catch (error) {
      showError(error);
    }
  }

  // ------------------------------------------------------------------ dialogs

  function openDialog(dialog) {
    dialog.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
    if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
  }

  function closeDialog(dialog) {
    if (typeof dialog.close === 'function') dialog.close(); else dialog.removeAttribute('open');
  }

  function openContactDialog(ownOnly) {
    const user = currentUser();
    const own = document.querySelector('input[name="contact-kind"][value="own"]');
    own.checked = true;
    document.querySelector('input[name="contact-kind"][value="other"]').disabled = Boolean(ownOnly);
    $('contact-other-fields').hidden = true;
    $('contact-phone').value = user && user.phone ? user.phone : '';
    $('contact-user-id').value = '';
    openDialog($('contact-dialog'));
    $('contact-phone').focus();
  }

  function openLocationDialog() {
    $('location-lat').value = String(DEFAULT_LOCATION.latitude);
    $('location-lon').value = String(DEFAULT_LOCATION.longitude);
    openDialog($('location-dialog'));
    $('location-confirm').focus();
  }

  // ------------------------------------------------------------------ wiring

  function wire() {
    for (const button of document.querySelectorAll('.platform')) {
      button.addEventListener('click', () => navigate(async () => {
        if (state.platform === button.dataset.platform) return;
        state.platform = button.dataset.platform;
        state.userId = null;
        state.chatId = null;
        localStorage.setItem('hamyar.sandbox.platform', state.platform);
        renderPlatform();
        await loadUsers();
        await loadChats();
        openChat(state.chatId);
      }));
    }

    $('user-picker').addEventListener('change', (event) => {
      const userId = event.target.value ? Number(event.target.value) : null;
      navigate(async () => {
        state.userId = userId;
        if (userId !== null) localStorage.setItem('hamyar.sandbox.user.' + state.platform, String(userId));
        state.chatId = userId;
        renderUsers();
        await loadChats();
        openChat(state.chatId);
      });
    });

    $('new-user').addEventListener('click', () => {
      $('user-first-name').value = '';
      $('user-id-input').value = '';
      openDialog($('user-dialog'));
      $('user-first-name').focus();
    });

    for (const close of document.querySelectorAll('[data-close]')) {
      close.addEventListener('click', () => closeDialog(close.closest('dialog')));
    }

    $('user-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const idText = $('user-id-input').value.trim();
      const body = { firstName: $('user-first-name').value, languageCode: $('user-language').value || null };
      if (idText) body.id = Number(idText);
      let user;
      try {
        user = await call('POST', platformPath() + '/users', body);
      } catch (error) {
        $('user-error').textContent = error.message;
        return;
      }
      closeDialog($('user-dialog'));
      await navigate(async () => {
        state.userId = user.id;
        state.chatId = user.id;
        localStorage.setItem('hamyar.sandbox.user.' + state.platform, String(user.id));
        await loadUsers();
        await loadChats();
        openChat(user.id);
      });
      $('message-input').focus();
    });

    $('composer').addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = $('message-input');
      const text = input.value;
      if (!text.trim()) return;
      input.value = '';
      try {
        await sendText(text);
      } catch (error) {
        input.value = text;
        showError(error);
      }
      input.focus();
    });

    $('message-input').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $('composer').requestSubmit();
      }
    });

    $('messages').addEventListener('scroll', () => {
      const list = $('messages');
      list.dataset.stick = list.scrollHeight - list.scrollTop - list.clientHeight < 80 ? 'yes' : 'no';
    });

    $('attach-photo').addEventListener('click', () => $('photo-input').click());
    $('photo-input').addEventListener('change', async (event) => {
      const file = event.target.files && event.target.files[0];
      event.target.value = '';
      if (!file) return;
      const caption = $('message-input').value.trim();
      try {
        await sendPhoto(file, caption);
        $('message-input').value = '';
      } catch (error) {
        showError(error);
      }
    });

    $('share-location').addEventListener('click', openLocationDialog);
    $('share-contact').addEventListener('click', () => openContactDialog(false));

    for (const radio of document.querySelectorAll('input[name="contact-kind"]')) {
      radio.addEventListener('change', () => {
        const other = document.querySelector('input[name="contact-kind"]:checked').value === 'other';
        $('contact-other-fields').hidden = !other;
        const user = currentUser();
        $('contact-phone').value = other ? '' : (user && user.phone ? user.phone : '');
      });
    }

    $('contact-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const own = document.querySelector('input[name="contact-kind"]:checked').value === 'own';
      const idText = $('contact-user-id').value.trim();
      try {
        await shareContact($('contact-phone').value.trim(), own, own || !idText ? null : Number(idText));
        closeDialog($('contact-dialog'));
      } catch (error) {
        $('contact-error').textContent = error.message;
      }
    });

    $('location-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const latitude = Number($('location-lat').value.trim());
      const longitude = Number($('location-lon').value.trim());
      try {
        await shareLocation(latitude, longitude);
        closeDialog($('location-dialog'));
      } catch (error) {
        $('location-error').textContent = error.message;
      }
    });

    $('new-group-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      if (state.userId === null) { toast('نخست یک کاربر بسازید.', true); return; }
      try {
        const group = await call('POST', platformPath() + '/groups',
          { title: $('new-group-title').value, addedBy: state.userId });
        $('new-group-title').value = '';
        await navigate(async () => {
          await loadChats();
          openChat(group.id);
        });
      } catch (error) {
        showError(error);
      }
    });

    for (const button of document.querySelectorAll('[data-bot-status]')) {
      button.addEventListener('click', async () => {
        try {
          const group = await call('POST', platformPath() + '/groups/' + state.chatId + '/bot',
            { userId: state.userId, status: button.dataset.botStatus });
          state.botStatus = group.botStatus;
          const chat = currentChat();
          if (chat) chat.botStatus = group.botStatus;
          renderChats();
          renderChatHeader();
        } catch (error) {
          showError(error);
        }
      });
    }
  }

  function start() {
    const saved = localStorage.getItem('hamyar.sandbox.platform');
    if (saved === 'telegram' || saved === 'bale') state.platform = saved;
    renderPlatform();
    wire();
    refreshAll();
  }

  // exposed for tests and the browser console
  window.hamyarSandbox = { renderHtml, state };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
