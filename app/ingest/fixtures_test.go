package ingest

// Fixtures written for these tests: a made-up strike at a made-up port.

const storyTitle = "Dockworkers extend strike at Port of Valdemar"

var storyParagraphs = []string{
	"Dockworkers at the Port of Valdemar voted on Tuesday to extend their strike for a second week, leaving more than forty container ships waiting offshore.",
	"The union, which represents about 3,200 workers, said talks with the port authority had stalled over night-shift pay and safety rules for the new automated cranes.",
	"Port director Ilse Marquand called the vote “regrettable” and said the authority would present a revised offer on Friday.",
	"Shipping firms have begun diverting cargo to smaller harbours along the coast, and two ferry operators cut their timetables.",
}

const storyText = storyTitle + "\n" +
	"VALDEMAR, March 3, 2026\n" +
	"By Tomas Reyes\n" +
	"\n" +
	"Dockworkers at the Port of Valdemar voted on Tuesday to extend their strike for a second week, leaving more than forty container ships waiting offshore.\n" +
	"\n" +
	"The union, which represents about 3,200 workers, said talks with the port authority had stalled over night-shift pay and safety rules for the new automated cranes.\n" +
	"\n" +
	"Port director Ilse Marquand called the vote “regrettable” and said the authority would present a revised offer on Friday.\n" +
	"\n" +
	"Shipping firms have begun diverting cargo to smaller harbours along the coast, and two ferry operators cut their timetables.\n"

const storyMarkdown = `---
title: "Dockworkers extend strike at Port of Valdemar"
source: The Valdemar Courier   # the outlet
url: https://courier.example/news/port-strike
date: 2026-03-03
author: Tomas Reyes
tags: [ports, labour, "strikes, 2026"]
---

# Dockworkers extend strike at Port of Valdemar

Dockworkers at the **Port of Valdemar** voted on Tuesday to extend their strike for a second week, leaving more than forty container ships waiting offshore.

The union, which represents about 3,200 workers, said talks with the [port authority](https://port.example/) had stalled over night-shift pay and safety rules for the new automated cranes.

Port director Ilse Marquand called the vote “regrettable” and said the authority would present a revised offer on Friday.

Shipping firms have begun diverting cargo to smaller harbours along the coast, and two ferry operators cut their timetables.
`

const storyHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dockworkers extend strike at Port of Valdemar | The Valdemar Courier</title>
<meta property="og:site_name" content="The Valdemar Courier">
<meta property="og:title" content="Dockworkers extend strike at Port of Valdemar">
<meta property="og:url" content="https://courier.example/news/port-strike?utm_source=feed">
<meta property="article:published_time" content="2026-03-03T18:45:00+01:00">
<meta name="author" content="Tomas Reyes">
<link rel="canonical" href="https://courier.example/news/port-strike">
<style>body { font-family: serif; } .hidden-style-marker { color: red; }</style>
<script>var trackingMarker = "pageview"; console.log("script text must not survive");</script>
</head>
<body>
<header class="site-header">
  <a href="/">The Valdemar Courier</a>
  <nav><ul><li><a href="/politics">Politics nav link</a></li><li><a href="/sport">Sport nav link</a></li><li><a href="/weather">Weather nav link</a></li></ul></nav>
</header>
<main>
<article>
  <h1>Dockworkers extend strike at Port of Valdemar</h1>
  <p class="byline">By Tomas Reyes</p>
  <time datetime="2026-03-03T18:45:00+01:00">3 March 2026</time>
  <p>Dockworkers at the Port of Valdemar voted on Tuesday to extend their strike for a second week, leaving more than forty container ships waiting offshore.</p>
  <p>The union, which represents about 3,200 workers, said talks with the port authority had stalled over night-shift pay and safety rules for the new automated cranes.</p>
  <div class="ad"><p>Advertisement marker: buy a boat today</p></div>
  <p>Port director Ilse Marquand called the vote “regrettable” and said the authority would present a revised offer on Friday.</p>
  <p>Shipping firms have begun diverting cargo to smaller harbours along the coast, and two ferry operators cut their timetables.</p>
  <script>document.write("inline script marker");</script>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Aside marker one</a></li><li><a href="/b">Aside marker two</a></li></ul></aside>
</main>
<footer><p>Footer marker © 2026 The Valdemar Courier. All rights reserved.</p><p><a href="/contact">Contact</a> · <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
`
