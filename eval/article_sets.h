// The article sets our labels of whole articles refer to, read and analysed
// the way a user of warta would: the actor and the event labels share them.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "analyze/analyzer.h"

namespace warta::eval {

// Called with the label id and the analysed article.
using ArticleFn = std::function<void(const std::string& id, const Document& doc)>;

// The rows of detik-1k's data_berita.csv whose id is in `ids`, in file order;
// its dates are month first ("10/21/2025": --date-order mdy).
void AnalyzeDetik(const Knowledge& k, const std::string& csv, const std::set<std::string>& ids, const ArticleFn& fn);

// The documents of a PolNeAR JSON Lines file whose "doc" is in `ids`, each
// from its first line, in file order. The outlets are American: the user of
// warta says so with --home-country USA.
void AnalyzePolNear(const Knowledge& k, const std::string& path, const std::set<std::string>& ids, const ArticleFn& fn);

}  // namespace warta::eval
