// Local playground: sends messages to /api/messages with expectReplies and renders the replies with the
// official Adaptive Cards renderer (served from this bot, no CDN). Card buttons are sent back as the bot expects.
(function () {
  'use strict';
  const transcript = document.getElementById('transcript');
  const form = document.getElementById('composer');
  const input = document.getElementById('message');
  const localeSelect = document.getElementById('locale');
  const conversationId = 'playground-' + Math.random().toString(36).slice(2);
  let counter = 0;

  function add(kind, node) {
    const row = document.createElement('div');
    row.className = 'message ' + kind;
    row.appendChild(node);
    transcript.appendChild(row);
    row.scrollIntoView({ block: 'end' });
    return row;
  }

  function bubble(kind, text) {
    const div = document.createElement('div');
    div.className = 'bubble';
    div.textContent = text;
    return add(kind, div);
  }

  // Buttons stacked and stretched, as Teams shows them on narrow screens; long titles stay readable.
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: 'system-ui, "Segoe UI", sans-serif',
    actions: { actionsOrientation: 'vertical', actionAlignment: 'stretch', buttonSpacing: 6, maxActions: 10 },
  });

  // Teams renders bold, italic and links in TextBlocks; the renderer needs a Markdown processor for that.
  // HTML is escaped first, so only these three constructs become markup.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    result.outputHtml = escaped
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_([^_]+)_(?=[\s).,]|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    result.didProcess = true;
  };

  function renderCard(content) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function (action) {
      if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, '_blank', 'noopener');
      } else if (action instanceof AdaptiveCards.SubmitAction) {
        const label = action.title || '(button)';
        send({ value: action.data }, label);
      }
    };
    card.parse(content);
    const holder = document.createElement('div');
    holder.className = 'card';
    holder.appendChild(card.render());
    return add('bot', holder);
  }

  async function send(fields, echo) {
    counter += 1;
    bubble('user', echo);
    const activity = Object.assign(
      {
        type: 'message',
        id: 'pg-' + counter,
        channelId: 'msteams',
        serviceUrl: location.origin,
        conversation: { id: conversationId, conversationType: 'personal' },
        from: { id: 'playground-user', name: 'You' },
        recipient: { id: 'playground-bot', name: 'MDAV bot' },
        locale: localeSelect.value,
        timestamp: new Date().toISOString(),
        deliveryMode: 'expectReplies',
      },
      fields,
    );
    try {
      const response = await fetch('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!response.ok) {
        bubble('error', 'HTTP ' + response.status + ': ' + (await response.text()));
        return;
      }
      const body = await response.json();
      for (const reply of body.activities || []) {
        if (reply.type !== 'message') continue;
        if (reply.text) bubble('bot', reply.text);
        for (const attachment of reply.attachments || []) {
          if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') renderCard(attachment.content);
        }
      }
    } catch (error) {
      bubble('error', 'Could not reach the bot: ' + error.message);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const text = input.value;
    if (text.trim() === '') return;
    input.value = '';
    send({ text: text }, text);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
})();
