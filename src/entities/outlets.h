// Where an article comes from: the outlet of its URL and the outlet's home
// country, whose domestic institutions the article names without saying
// whose they are (a detik article's "Kementerian Luar Negeri" is
// Indonesia's). Outlets by domain are data (data/entities/outlets.tsv);
// failing those, a country-code top-level domain names the country.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

namespace warta {

struct Outlet {
  std::string domain;   // "detik.com"
  std::string name;     // "detikcom"
  std::string country;  // ISO3
};

class Outlets {
 public:
  // outlets.tsv: DOMAIN<TAB>NAME<TAB>COUNTRY[<TAB>ALIASES]; `countries` is countries.tsv
  // (ISO3<TAB>ISO2<TAB>...), for the country-code domains.
  Status Load(std::string_view outlets_tsv, std::string_view countries_tsv);

  // The URL's host, lower case, without "www." and port: "news.detik.com".
  static std::string Host(std::string_view url);
  // The outlet of the host or of a domain it is under; nullptr if unknown.
  const Outlet* Find(std::string_view url) const;
  // The outlet's country, else the country of the host's country-code
  // domain (".id", ".co.uk"), else "".
  std::string HomeCountry(std::string_view url) const;
  // The outlet a record's publisher field names, for records without a URL:
  // its NAME, an ALIAS or its domain's first label ("breitbart" for
  // breitbart.com), compared by letters and digits alone, case folded
  // ("The New York Times", "new-york-times", "NYT"); nullptr if none.
  const Outlet* FindByName(std::string_view publisher) const;

 private:
  std::unordered_map<std::string, Outlet> by_domain_;
  std::unordered_map<std::string, std::string> by_name_;   // a name's letters and digits → domain
  std::unordered_map<std::string, std::string> by_label_;  // a domain's first label → it ("" if shared)
  std::unordered_map<std::string, std::string> by_tld_;  // "id" → IDN
};

}  // namespace warta
