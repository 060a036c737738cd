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
      ".registry-tasks footer{font-size:11px;color:#4a5560;padding-top:6px}.registry-tasks .plain{margin:4px 0 0}" +
      ".registry-tasks .notice{border-left:4px solid #b26a00;padding:2px 0 2px 10px}.registry-tasks .notice ul{color:#4a5560;font-size:13px}";
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
      if (typeof t.plainSummary === "string" && t.plainSummary) li.appendChild(el("p", "plain", t.plainSummary));
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
  // What a host page's readers see when the list cannot be shown: a small card, never a JSON body. A problem
  // answer (RFC 9457) names what to fix; its text is set as text, never parsed as HTML.
  function notice(host, problem) {
    host.textContent = "";
    host.classList.add("registry-tasks");
    var box = el("div", "notice");
    box.setAttribute("role", "status");
    box.appendChild(el("strong", null, "Không hiển thị được danh sách nhiệm vụ (the task list cannot be shown)"));
    var detail = problem && typeof problem.detail === "string" ? problem.detail
      : "Không kết nối được tới cơ sở dữ liệu; vui lòng thử lại sau (could not reach the registry; please try again later).";
    box.appendChild(el("p", null, detail));
    if (problem && problem.errors && typeof problem.errors === "object") {
      var why = el("ul");
      Object.keys(problem.errors).slice(0, 10).forEach(function (key) {
        [].concat(problem.errors[key]).slice(0, 5).forEach(function (m) { why.appendChild(el("li", null, key + ": " + m)); });
      });
      if (why.childNodes.length) box.appendChild(why);
    }
    host.appendChild(box);
  }
  function load(host) {
    var query = host.getAttribute("data-registry-tasks") || "";
    host.setAttribute("aria-busy", "true");
    fetch(origin + "/embed/tasks.json" + (query ? "?" + query.replace(/^\?/, "") : ""))
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          if (!r.ok || !body || !body.items) throw { problem: body };
          return body;
        });
      })
      .then(function (data) { render(host, data); })
      .catch(function (failure) { notice(host, failure && failure.problem); })
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
