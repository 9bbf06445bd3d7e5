// Draws the dashboards' ECharts charts from the JSON the server puts in
// <script type="application/json" id="..."> blocks (no inline script: the CSP forbids it).
// Every chart container names its data block with data-chart and its kind with data-kind.
(function () {
  "use strict";

  // Vietnamese number style: 1.234,5
  function vn(x, decimals) {
    if (x === null || x === undefined || isNaN(x)) return "—";
    var d = decimals === undefined ? (Math.abs(x) >= 100 ? 1 : 2) : decimals;
    var s = Number(x).toFixed(d);
    if (s.indexOf(".") >= 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    var parts = s.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return parts.join(",");
  }

  var COLORS = { actual: "#1d4ed8", band: "#16a34a", bandFill: "rgba(22,163,74,0.10)" };

  // Values aligned on the years of the axis (null where a year has none).
  function byYear(years, pairs) {
    var at = {};
    (pairs || []).forEach(function (p) { at[p[0]] = p; });
    return years.map(function (y) { return at[y] ? at[y] : null; });
  }

  function seriesChart(data) {
    var years = data.years;
    var estimateLabel = data.labels.estimate;
    var actual = byYear(years, data.actual).map(function (p) {
      if (!p) return null;
      var est = p[2] !== "chinh_thuc";
      var point = { value: p[1], status: p[2], unapproved: (data.unapproved || []).indexOf(p[0]) >= 0,
                    words: (data.words || {})[String(p[0])] || null,
                    symbol: est ? "emptyCircle" : "circle", symbolSize: est ? 10 : 8 };
      // A value not approved (only with the latest-values switch) is drawn hollow, amber, and labelled.
      if (point.unapproved) point.itemStyle = { color: "#b45309", borderType: "dashed" };
      return point;
    });
    var series = [{
      name: data.labels.actual, type: "line", data: actual, connectNulls: true, z: 3,
      lineStyle: { width: 3, color: COLORS.actual }, itemStyle: { color: COLORS.actual },
      label: {
        show: true, position: "top", fontSize: 12, fontWeight: "bold", color: "#0f172a",
        formatter: function (p) {
          return (p.data.words || vn(p.value)) + (p.data.status !== "chinh_thuc" ? " (" + estimateLabel + ")" : "") +
            (p.data.unapproved ? " (" + data.labels.unapproved + ")" : "");
        },
      },
    }];
    var band = data.band || {};
    var low = band.low ? byYear(years, band.low).map(function (p) { return p ? p[1] : null; }) : null;
    var high = band.high ? byYear(years, band.high).map(function (p) { return p ? p[1] : null; }) : null;
    var line = { type: "dashed", color: COLORS.band, width: 1.5 };
    if (low && high) {
      // The band is drawn as the low line plus the gap up to the high line, stacked and filled.
      series.push({ name: data.labels.low, type: "line", data: low, stack: "band", symbol: "none",
                    lineStyle: line, itemStyle: { color: COLORS.band } });
      series.push({ name: data.labels.high, type: "line", stack: "band", symbol: "none",
                    data: high.map(function (h, i) { return h === null || low[i] === null ? null : h - low[i]; }),
                    lineStyle: line, itemStyle: { color: COLORS.band }, areaStyle: { color: COLORS.bandFill } });
    } else if (low || high) {
      series.push({ name: low ? data.labels.low : data.labels.high, type: "line", data: low || high,
                    symbol: "none", lineStyle: line, itemStyle: { color: COLORS.band } });
    }
    return {
      animation: false,
      grid: { left: 72, right: 96, top: 48, bottom: 64 },
      legend: { bottom: 8 },
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var i = items[0].dataIndex;
          var lines = [String(years[i])];
          items.forEach(function (it) {
            var v = it.value;
            if (it.seriesName === data.labels.high && low) v = high[i];
            if (v === null || v === undefined) return;
            lines.push(it.seriesName + ": " + vn(v) + " " + data.unit);
          });
          return lines.join("<br>");
        },
      },
      xAxis: { type: "category", data: years.map(String), boundaryGap: false },
      yAxis: { type: "value", name: data.unit, scale: true, nameTextStyle: { align: "right" },
               axisLabel: { formatter: function (v) { return vn(v, 0); } } },
      series: series,
    };
  }

  function barChart(data) {
    return {
      animation: false,
      grid: { left: 160, right: 64, top: 16, bottom: 44 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 formatter: function (items) { return items[0].name + ": " + vn(items[0].value) + " " + data.unit; } },
      xAxis: { type: "value", name: data.unit, nameLocation: "middle", nameGap: 26,
               axisLabel: { formatter: function (v) { return vn(v, 0); } } },
      yAxis: { type: "category", data: data.units, inverse: true },
      series: [{
        type: "bar", data: data.values, itemStyle: { color: COLORS.actual }, barMaxWidth: 28,
        label: { show: true, position: "right", formatter: function (p) { return vn(p.value); } },
      }],
    };
  }

  var BUILDERS = { series: seriesChart, bar: barChart };

  function draw(root) {
    (root || document).querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn) return;
      var block = document.getElementById(el.dataset.chart);
      if (!block || !window.echarts) return;
      var data = JSON.parse(block.textContent);
      var build = BUILDERS[el.dataset.kind || "series"];
      if (el.dataset.kind === "bar") {
        // One bar per unit: the chart grows with the number of units (CSSOM, allowed by the CSP).
        el.style.height = Math.max(170, 36 * data.units.length + 76) + "px";
      }
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption(build(data));
      el.dataset.drawn = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (e) { draw(e.target); });
})();
