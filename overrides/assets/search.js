// Readers type questions: "how long was the meeting?". The theme's search (Lunr, in a
// worker) matches every word of a query as the start of a longer one and ranks a section
// by any of them, so "how" finds "Howell", and a heading with "meeting" in it outranks
// the section that says who called the meeting. Before a query reaches the worker, this
//
// 1. keeps the words that say what is asked: it leaves out the words of the briefing's
//    language that do not (its catalogue's `search_stop_words`, in the page as JSON),
//    and cuts words where the search index cuts them (at punctuation: "meeting?");
// 2. shortens a word the site does not have to the start it shares with words it has
//    ("leads" finds "leading"), down to three fifths of the word and four letters;
// 3. asks for the sections that hold the words of the section holding most of what is
//    asked, its rarest words weighing most.
//
// Quoted phrases and Lunr's own syntax (+word, -word, title:word, word~1, word^2) pass
// as typed. Material for MkDocs 9 reads no query transform of the site's own (the
// `__search.transform` of earlier versions is gone); its search worker takes the search
// index as a message {type: 0, data: {config, docs}} and each query as {type: 2, data:
// "the query"}, and only such messages are read or changed here. Zensical's search, whose
// messages carry other data, is left alone.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2; // Material's SearchMessageType
  var island = document.getElementById("__briefing_search");
  var settings = island ? JSON.parse(island.textContent || "{}") : {};
  var stop = new Set((settings.stop_words || []).map(function (word) { return String(word).toLowerCase(); }));
  // The phrases that ask how much, not of what ("how big"), the longest first: dropped whole.
  var phrases = (settings.stop_phrases || []).map(function (phrase) { return String(phrase).toLowerCase(); });
  var endings = (settings.endings || []).map(function (ending) { return String(ending).toLowerCase(); });
  // Each word of a group of synonyms (the catalogue's `search_synonyms`), to its whole group.
  var groupOf = new Map();
  (settings.synonyms || []).forEach(function (group) {
    group.forEach(function (word) { groupOf.set(String(word).toLowerCase(), group); });
  });
  if (!stop.size || !window.Worker) return;

  var SYNTAX = /^[+-]|[:^~*]/;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var index = null; // the search index, as the theme hands it to its worker
  var separator = /[^\p{L}\p{N}]+/u; // until the index says how it cuts words
  var vocabulary = null; // built from the index on the first query

  // Lower-case words of `text`, cut where the index cuts them, without the stop words
  // (which the index leaves out too: the catalogue's list holds Lunr's).
  function wordsOf(text) {
    return text.toLowerCase().split(separator).map(function (word) { return word.replace(EDGES, ""); })
      .filter(function (word) { return word && !stop.has(word); });
  }

  // Every word of the index, sorted, and the sections that hold each.
  function buildVocabulary(data) {
    var sections = new Map();
    data.docs.forEach(function (doc, number) {
      wordsOf((doc.title || "") + " " + String(doc.text || "").replace(/<[^>]*>/g, " ")).forEach(function (word) {
        if (!sections.has(word)) sections.set(word, new Set());
        sections.get(word).add(number);
      });
    });
    return {words: Array.from(sections.keys()).sort(), sections: sections};
  }

  // The sections holding a word that starts with `start`; for a word as typed (`whole`),
  // only the word itself and its forms with one of the language's endings (the catalogue's
  // `search_endings`: "bridge" finds "bridges", "war" not "warn"). `exact`: some other word
  // starts so too, so the query asks for the word alone, not for every word it starts.
  function holding(start, whole) {
    var words = vocabulary.words, low = 0, high = words.length, found = new Set(), exact = false;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < start) low = middle + 1; else high = middle;
    }
    for (var i = low; i < words.length && words[i].lastIndexOf(start, 0) === 0; i++) {
      var ending = words[i].slice(start.length);
      if (whole && ending && endings.indexOf(ending) < 0) { exact = true; continue; }
      vocabulary.sections.get(words[i]).forEach(function (section) { found.add(section); });
    }
    return {sections: found, exact: exact};
  }

  // The word, or the longest start of it that the index has, with the sections holding
  // it; null where the index has neither.
  function known(word) {
    var shortest = Math.min(word.length, Math.max(4, Math.ceil(word.length * 0.6)));
    for (var length = word.length; length >= shortest; length--) {
      var held = holding(word.slice(0, length), length === word.length && endings.length > 0);
      if (held.sections.size) return {start: word.slice(0, length), sections: held.sections, exact: held.exact && vocabulary.sections.has(word)};
    }
    return null;
  }

  function sharedBy(terms) {
    return terms.slice(1).reduce(function (shared, term) {
      return new Set(Array.from(shared).filter(function (section) { return term.sections.has(section); }));
    }, terms[0].sections);
  }

  // The words a result must hold: those of the section that holds the most of what is
  // asked, a word weighing more the fewer sections hold it (a rare word says what is asked;
  // "currency" more than "talks"). The others still rank the results, required by none.
  function required(terms) {
    var count = index.docs.length, best = null, most = 0;
    var weights = terms.map(function (term) { return Math.log(1 + count / term.sections.size); });
    var every = new Set();
    terms.forEach(function (term) { term.sections.forEach(function (section) { every.add(section); }); });
    every.forEach(function (section) {
      var held = terms.filter(function (term) { return term.sections.has(section); });
      var weight = (index.docs[section].boost || 1) * held.reduce(function (sum, term) { return sum + weights[terms.indexOf(term)]; }, 0);
      if (weight > most + 1e-9) { best = held; most = weight; }
    });
    return new Set(best || []);
  }

  function withoutPhrases(text) {
    var lower = text.toLowerCase();
    phrases.forEach(function (phrase) {
      var at = lower.indexOf(phrase);
      while (at >= 0) {
        var before = at === 0 || /[\s"(]/.test(lower[at - 1]);
        var after = at + phrase.length >= lower.length || /[\s?!.,;:")]/.test(lower[at + phrase.length]);
        if (before && after) lower = lower.slice(0, at) + " " + lower.slice(at + phrase.length);
        at = lower.indexOf(phrase, before && after ? at + 1 : at + phrase.length);
      }
    });
    return lower;
  }

  function subject(query) {
    var typed = [], words = [];
    query = withoutPhrases(query);
    query.split(/("[^"]*")/).forEach(function (part, number) {
      if (number % 2) { typed.push(part); return; } // a quoted phrase
      part.split(/\s+/).forEach(function (piece) {
        if (!piece) return;
        if (SYNTAX.test(piece)) { typed.push(piece); return; }
        wordsOf(piece).forEach(function (word) { if (words.indexOf(word) < 0) words.push(word); });
      });
    });
    if (!words.length) return typed.length ? typed.join(" ") : query; // stop words alone: as typed
    if (!vocabulary && index) vocabulary = buildVocabulary(index);
    if (!vocabulary) return typed.concat(words).join(" ");
    var terms = [], missing = [], synonymous = [];
    words.forEach(function (word) {
      if (groupOf.has(word)) { synonymous.push(word); return; }
      var term = known(word);
      if (term) terms.push(term); else missing.push(word); // kept, so the results say it is missing
    });
    // A word with synonyms is searched as the one of its group that most of the sections
    // holding the other words hold too ("started" as "initiated" beside "call"); the word as
    // typed where it does as well, and words the index holds whole before starts of words.
    synonymous.forEach(function (word) {
      var candidates = [word].concat(groupOf.get(word).filter(function (other) { return other !== word; }));
      var whole = [], partial = [];
      candidates.forEach(function (candidate) {
        var term = known(candidate);
        if (term) (term.start === candidate ? whole : partial).push(term);
      });
      var chosen = null, best = [0, 0];
      whole.concat(partial).forEach(function (term) {
        var together = terms.length ? sharedBy(terms.concat([term])).size : term.sections.size;
        // held with the other words first; where none is, the one most sections hold
        if (together > best[0] || (together === best[0] && term.sections.size > best[1])) { chosen = term; best = [together, term.sections.size]; }
      });
      if (chosen) terms.push(chosen); else missing.push(word);
    });
    var must = terms.length > 1 ? required(terms) : new Set();
    var asked = terms.map(function (term) { return must.has(term) ? "+" + term.start + (term.exact ? "" : "*") : term.start; });
    return typed.concat(asked, missing).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs) && message.data.config) {
      index = message.data;
      separator = new RegExp(index.config.separator || "[\\s\\-]+");
      vocabulary = null;
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = {type: QUERY, data: subject(message.data)};
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };
})();
