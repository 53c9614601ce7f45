// Web chat client: sends messages to the webchat webhook and shows replies as text.
(function () {
  "use strict";
  var log = document.getElementById("gesprek");
  var form = document.getElementById("chatformulier");
  var input = document.getElementById("bericht");
  var status = document.getElementById("status");
  // The server issues the conversation id and a token that binds it to this tab; both
  // stay in sessionStorage, every call carries the token.
  var chat = null;
  try { chat = JSON.parse(sessionStorage.getItem("webchat-session") || "null"); } catch (e) { chat = null; }
  var asking = null;

  function session(renew) {
    if (chat && chat.sender && chat.token && !renew) { return Promise.resolve(chat); }
    if (!asking) {
      asking = fetch("session", { method: "POST" }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (issued) {
        chat = issued;
        sessionStorage.setItem("webchat-session", JSON.stringify(chat));
        return chat;
      }).finally(function () { asking = null; });
    }
    return asking;
  }

  // Text only: links become <a>, everything else stays text (no HTML from messages).
  function appendText(parent, text) {
    var parts = String(text).split(/(https?:\/\/[^\s]+)/g);
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        var url = part.replace(/[.,)]+$/, "");
        var a = document.createElement("a");
        a.href = url; a.textContent = url; a.rel = "noopener"; a.target = "_blank";
        parent.appendChild(a);
        parent.appendChild(document.createTextNode(part.slice(url.length)));
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function addMessage(who, text, buttons) {
    var item = document.createElement("li");
    item.className = who === "bot" ? "bot" : "resident";
    var label = document.createElement("span");
    label.className = "who";
    label.textContent = who === "bot" ? "Gemeente:" : "U:";
    item.appendChild(label);
    appendText(item, text || "");
    if (buttons && buttons.length) {
      var group = document.createElement("div");
      group.className = "choices";
      buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.addEventListener("click", function () { send(b.payload, b.title); });
        group.appendChild(btn);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  function send(message, shown) {
    addMessage("resident", shown || message);
    status.textContent = "De assistent schrijft een antwoord…";
    function post(renew) {
      return session(renew).then(function (s) {
        return fetch("webhook", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Chat-Token": s.token },
          body: JSON.stringify({ sender: s.sender, message: message })
        });
      });
    }
    // A token from an earlier server run (its secret changed) is answered 403: new session.
    post(false).then(function (r) { return r.status === 403 ? post(true) : r; }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (replies) {
      status.textContent = "";
      replies.forEach(function (m) { addMessage("bot", m.text, m.buttons); });
    }).catch(function () {
      status.textContent = "Uw bericht kon niet worden verstuurd. Probeer het opnieuw of bel " + log.dataset.phone + ".";
    });
  }

  // Status updates of a report and replies from a colleague arrive while the page is open.
  var lastSeen = Date.now() / 1000;
  setInterval(function () {
    if (!chat) { return; }  // nothing said yet, nothing to hear
    fetch("updates?sender=" + encodeURIComponent(chat.sender) + "&after=" + lastSeen,
          { headers: { "X-Chat-Token": chat.token } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (messages) {
        messages.forEach(function (m) { lastSeen = Math.max(lastSeen, m.timestamp); addMessage("bot", m.text, m.buttons); });
      }).catch(function () {});
  }, 4000);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { status.textContent = "Typ eerst een bericht."; input.focus(); return; }
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
})();
