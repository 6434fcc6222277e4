{% load i18n %}/* Jatkumo catalogue snippet — lists offerings of the Pirkanmaa continuous-learning catalogue.
 * Usage: <div data-jatkumo-catalogue data-q="hitsaus" data-mode="blended" data-limit="5"></div>
 *        <script src="{{ request.scheme }}://{{ request.get_host }}{% url 'catalogue:embed-js' %}" async></script>
 * Any data-* attribute named like an API parameter (q, industry, mode, language, funding, level,
 * type, provider, municipality, sub_region, start, price_max, duration_max, sort) filters the list.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : "";
  var api = origin + "{% url 'api-v1:catalogue-api:offering-list' %}";
  var texts = {
    empty: "{{ _('No offerings right now.')|escapejs }}",
    error: "{{ _('The offerings could not be loaded.')|escapejs }}",
    rolling: "{{ _('Rolling intake')|escapejs }}",
    free: "{{ _('Free of charge')|escapejs }}",
    more: "{{ _('All offerings in the catalogue')|escapejs }}"
  };
  var params = ["q", "industry", "topic", "mode", "language", "funding", "level", "type",
    "target_group", "provider", "municipality", "sub_region", "start", "start_from", "start_to",
    "price_max", "duration_max", "sort"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function pick(text) {
    var lang = (document.documentElement.lang || "fi").slice(0, 2);
    return text[lang] || text.fi || text.en || text.sv || "";
  }

  function render(box, data, query) {
    box.textContent = "";
    if (!data.results.length) { box.appendChild(el("p", "jatkumo-empty", texts.empty)); return; }
    var list = el("ul", "jatkumo-list");
    data.results.forEach(function (item) {
      var record = item.record;
      var li = el("li", "jatkumo-item");
      var link = el("a", "jatkumo-title", pick(record.title));
      link.href = item.url;
      li.appendChild(link);
      var start = record.start === "continuous" ? texts.rolling : record.start;
      var price = record.price_eur === 0 ? texts.free : (record.price_eur != null ? record.price_eur + " €" : "");
      var meta = [record.provider.name, start, price].filter(Boolean).join(" · ");
      li.appendChild(el("span", "jatkumo-meta", meta));
      list.appendChild(li);
    });
    box.appendChild(list);
    var more = el("a", "jatkumo-more", texts.more + " (" + data.count + ")");
    more.href = origin + "{% url 'catalogue:search' %}?" + query;
    box.appendChild(more);
  }

  function load(box) {
    var query = new URLSearchParams();
    params.forEach(function (name) {
      var value = box.getAttribute("data-" + name.replace(/_/g, "-"));
      if (value) { query.set(name, value); }
    });
    var limit = parseInt(box.getAttribute("data-limit") || "5", 10);
    var shown = query.toString();
    query.set("page_size", String(Math.min(Math.max(limit, 1), 50)));
    fetch(api + "?" + query.toString(), { headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (data) { render(box, data, shown); })
      .catch(function () { box.textContent = texts.error; });
  }

  function start() {
    document.querySelectorAll("[data-jatkumo-catalogue]").forEach(load);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
