#include "cli/record_loop.h"

#include <fmt/format.h>

#include <cstdio>

#include "util/parallel.h"
#include "input/input_set.h"

namespace warta {

int AnalyzeRecords(const InputArgs& args, const InputSetup& setup, const Knowledge& knowledge,
                   const AnalyzeOptions& options, const std::function<std::string(const Document&)>& render) {
  InputSet inputs(args.inputs, setup.format, setup.reader);
  size_t rejected = 0;
  std::vector<Record> batch;
  struct Output {
    std::string where, text, error;
    size_t invalid_utf8 = 0;
  };
  std::vector<Output> outputs;
  bool more = true;
  while (more) {
    more = ReadBatch(&inputs, &batch, &rejected);
    outputs.assign(batch.size(), Output());
    ParallelFor(batch.size(), setup.threads, [&](size_t i) {
      Output& out = outputs[i];
      out.where = WhereOf(batch[i]);
      // One record's failure is that record's: reported, the run goes on.
      try {
        Document doc = Analyze(std::move(batch[i]), knowledge, options);
        out.text = render(doc);
        out.invalid_utf8 = doc.invalid_utf8;
      } catch (const std::exception& e) {
        out.text.clear();
        out.error = e.what();
      }
    });
    for (const Output& out : outputs) {
      if (!out.error.empty()) {
        fmt::print(stderr, "warta: {}: cannot analyse this record ({}); skipped\n", out.where, out.error);
        ++rejected;
        continue;
      }
      // Not a rejection: the text is kept with U+FFFD in place of each bad sequence.
      if (out.invalid_utf8 > 0)
        fmt::print(stderr, "warta: {}: {} invalid UTF-8 sequence(s) replaced with U+FFFD\n", out.where, out.invalid_utf8);
      std::fwrite(out.text.data(), 1, out.text.size(), stdout);
    }
  }
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    fmt::print(stderr, "warta: error writing output\n");
    return 1;
  }
  return rejected > 0 ? 1 : 0;
}

}  // namespace warta
