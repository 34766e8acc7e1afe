#include "entities/outlets.h"

#include <cctype>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

namespace {

// A name as FindByName compares it: letters and digits, case folded.
std::string NameKey(std::string_view name) {
  std::string out;
  for (char c : FoldCase(name))
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

}  // namespace

Status Outlets::Load(std::string_view outlets_tsv, std::string_view countries_tsv) {
  Status s = ForEachTsvRow(countries_tsv, "data/entities/countries.tsv", 4, "ISO3<TAB>ISO2<TAB>ENGLISH<TAB>INDONESIAN",
                           [&](const auto& c) -> std::string {
                             by_tld_.emplace(FoldCase(c[1]), std::string(c[0]));
                             return "";
                           });
  if (!s.ok()) return s;
  by_tld_["uk"] = "GBR";  // the one country-code domain that is not the ISO code
  return ForEachTsvRow(outlets_tsv, "data/entities/outlets.tsv", 3, 4, "DOMAIN<TAB>NAME<TAB>COUNTRY[<TAB>ALIASES]",
                       [&](const auto& c) -> std::string {
                         std::string domain = FoldCase(c[0]);
                         if (domain.find('.') == std::string::npos) {  // a top-level domain that names no country
                           if (c[2] != "-") return "a top-level domain row has COUNTRY -";
                           by_tld_[domain] = "";
                           return "";
                         }
                         if (c[2].size() != 3) return "COUNTRY must be an ISO3 code";
                         if (Host(domain) != domain) return "DOMAIN must be a bare lower-case domain";
                         if (!by_domain_.emplace(domain, Outlet{domain, std::string(c[1]), std::string(c[2])}).second)
                           return "domain listed twice";
                         std::vector<std::string_view> names = {c[1]};
                         if (c.size() > 3)
                           for (std::string_view a : Split(c[3], ',')) names.push_back(a);
                         for (std::string_view n : names) {
                           std::string key = NameKey(n);
                           if (key.empty()) return "an empty name or alias";
                           by_name_.emplace(key, domain);  // one outlet's two domains (bbc.com, bbc.co.uk): the first
                         }
                         // The domain's first label names it too, unless two domains share it (kompas.com, kompas.id).
                         auto [it, fresh] = by_label_.emplace(NameKey(domain.substr(0, domain.find('.'))), domain);
                         if (!fresh && it->second != domain) it->second.clear();
                         return "";
                       });
}

std::string Outlets::Host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/?#");
  if (end != std::string_view::npos) url = url.substr(0, end);
  size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  size_t colon = url.find(':');
  if (colon != std::string_view::npos) url = url.substr(0, colon);
  std::string host = FoldCase(Trim(url));
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (StartsWith(host, "www.")) host.erase(0, 4);
  return host;
}

const Outlet* Outlets::Find(std::string_view url) const {
  std::string host = Host(url);
  for (std::string_view h = host; !h.empty();) {
    auto it = by_domain_.find(std::string(h));
    if (it != by_domain_.end()) return &it->second;
    size_t dot = h.find('.');
    if (dot == std::string_view::npos) break;
    h.remove_prefix(dot + 1);
  }
  return nullptr;
}

const Outlet* Outlets::FindByName(std::string_view publisher) const {
  const std::string key = NameKey(publisher);
  auto it = by_name_.find(key);
  if (it != by_name_.end()) return &by_domain_.at(it->second);
  auto label = by_label_.find(key);
  return label == by_label_.end() || label->second.empty() ? nullptr : &by_domain_.at(label->second);
}

std::string Outlets::HomeCountry(std::string_view url) const {
  if (const Outlet* o = Find(url)) return o->country;
  std::string host = Host(url);
  size_t dot = host.rfind('.');
  if (dot == std::string::npos) return "";
  auto it = by_tld_.find(host.substr(dot + 1));
  return it == by_tld_.end() ? "" : it->second;  // "" also for ".co", ".io", ... (outlets.tsv)
}

}  // namespace warta
