namespace Registry.Api.Feeds.Embed;

/// <summary>
/// <c>/embed.js</c>: renders a task list into every <c>&lt;div data-registry-tasks="q=chè&amp;field=401"&gt;</c> of the
/// host page, from <c>/embed/tasks.json</c> on the script's own origin. No dependencies; text is set with
/// <c>textContent</c>, never parsed as HTML; styles are scoped by class and easy to override.
/// </summary>
public static class EmbedScript
{
    public const string Source = """
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src, document.baseURI).origin : "";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function style() {
    if (document.getElementById("registry-embed-style")) return;
    var s = el("style");
    s.id = "registry-embed-style";
    s.textContent = ".registry-tasks{font:14px/1.45 system-ui,sans-serif}.registry-tasks ol{list-style:none;margin:0;padding:0}" +
      ".registry-tasks li{padding:6px 0;border-bottom:1px solid #e3e6ea}.registry-tasks .meta{color:#4a5560;font-size:12px}" +
      ".registry-tasks footer{font-size:11px;color:#4a5560;padding-top:6px}";
    document.head.appendChild(s);
  }
  function render(host, data) {
    host.textContent = "";
    host.classList.add("registry-tasks");
    var list = el("ol");
    data.items.forEach(function (t) {
      var li = el("li");
      var a = el("a", null, t.title);
      a.href = t.url;
      a.rel = "noopener";
      li.appendChild(a);
      var meta = [t.code, t.organization, t.startYear ? t.startYear + "–" + (t.endYear || "?") : null, t.status]
        .filter(function (x) { return x; }).join(" · ");
      li.appendChild(el("div", "meta", meta));
      list.appendChild(li);
    });
    if (!data.items.length) list.appendChild(el("li", null, "Không có nhiệm vụ nào (no tasks match)."));
    host.appendChild(list);
    var footer = el("footer");
    var more = el("a", null, "Xem tất cả " + data.total + " nhiệm vụ (see all)");
    more.href = data.moreUrl;
    footer.appendChild(more);
    footer.appendChild(document.createTextNode(" · Nguồn: Sở KH&CN tỉnh Phú Thọ"));
    host.appendChild(footer);
  }
  function load(host) {
    var query = host.getAttribute("data-registry-tasks") || "";
    host.setAttribute("aria-busy", "true");
    fetch(origin + "/embed/tasks.json" + (query ? "?" + query.replace(/^\?/, "") : ""))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { render(host, data); })
      .catch(function () { host.textContent = "Không tải được danh sách nhiệm vụ (could not load the task list)."; })
      .then(function () { host.removeAttribute("aria-busy"); });
  }
  function start() {
    style();
    Array.prototype.forEach.call(document.querySelectorAll("[data-registry-tasks]"), load);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
""";
}
