// dyadwatch dashboard: the little the pages need from a script. Served from /assets (the CSP
// allows no inline script). Everything inserted comes from this server: actor codes as text
// nodes, and HTML fragments the server rendered with autoescaping.
"use strict";

function fillDatalists() {
  document.querySelectorAll("datalist[data-source]").forEach(function (list) {
    fetch(list.dataset.source, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { data: [] }; })
      .then(function (body) {
        var fragment = document.createDocumentFragment();
        (body.data || []).forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.code;
          option.textContent = (item.name ? item.name + " · " : "") + item.n + " events";
          fragment.appendChild(option);
        });
        list.replaceChildren(fragment);
        list.dataset.loaded = String((body.data || []).length);
      })
      .catch(function () { list.dataset.loaded = "0"; });
  });
}

function loadFragments() {
  document.querySelectorAll("[data-fragment]").forEach(function (box) {
    fetch(box.dataset.fragment, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        box.replaceChildren.apply(box, Array.from(parsed.body.childNodes));
        if (box.dataset.shade) {
          shadeWindows(box, document.querySelectorAll(box.dataset.shade));
        }
        box.dataset.loaded = "1";
      })
      .catch(function () {
        box.textContent = "Could not load this part of the page.";
        box.dataset.loaded = "error";
      });
  });
}

// Shade each signal window (items with data-window-start/-end) on the charts: behind the
// periods that overlap it, so the bars stay on top and clickable.
var SVG = "http://www.w3.org/2000/svg";
function shadeWindows(box, charts) {
  box.querySelectorAll("[data-window-start]").forEach(function (item) {
    var lo = item.dataset.windowStart, hi = item.dataset.windowEnd;
    charts.forEach(function (svg) {
      var xs = [];
      svg.querySelectorAll("a.period").forEach(function (period) {
        if (period.dataset.period <= hi && period.dataset.end >= lo) {
          var hit = period.querySelector("rect.hit");
          var x = Number(hit.getAttribute("x")), w = Number(hit.getAttribute("width"));
          xs.push(x, x + w);
        }
      });
      if (!xs.length) { return; }
      var top = Number(svg.dataset.top), bottom = Number(svg.dataset.bottom);
      var rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(Math.min.apply(null, xs)));
      rect.setAttribute("width", String(Math.max.apply(null, xs) - Math.min.apply(null, xs)));
      rect.setAttribute("y", String(top));
      rect.setAttribute("height", String(bottom - top));
      rect.setAttribute("class", "shade");
      rect.dataset.window = lo + ".." + hi;
      var title = document.createElementNS(SVG, "title");
      title.textContent = "signal: " + item.dataset.label;
      rect.appendChild(title);
      svg.insertBefore(rect, svg.firstChild);
    });
  });
}

// A form submits only the fields that carry a value, so a shared URL holds the state and
// nothing else.
function tidyForms() {
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && field.type !== "checkbox" && field.value === "") {
          field.disabled = true;
        }
      });
      // Re-enable after the navigation starts, so back/forward caches keep usable forms.
      setTimeout(function () {
        form.querySelectorAll("[disabled]").forEach(function (f) { f.disabled = false; });
      }, 0);
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  fillDatalists();
  loadFragments();
  tidyForms();
});
