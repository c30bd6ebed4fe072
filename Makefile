# One place for the commands a newcomer and CI run.
PYTHON ?= python3
APT_PACKAGES = fonts-noto-cjk libime-data-language-model chromium

.PHONY: install install-neural system-deps test lint format bench bench-ocr data

install: system-deps  ## everything the tool and its tests need, offline at run time
	$(PYTHON) -m pip install -q -e '.[dev]'

# The optional MacBERT engine (--engine macbert) and its test need torch. 2.13.0 is the CPU
# build this project's machines keep on disk; elsewhere take a CPU wheel of your choice first.
install-neural:
	$(PYTHON) -m pip install -q torch==2.13.0
	$(PYTHON) -m pip install -q -e '.[dev,neural]'

# Debian packages: the fcitx5 KenLM model (default engine), a CJK font (test renders),
# Chromium (review page tests). Skipped quietly where apt-get is not available.
system-deps:
	@if command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else echo "apt-get not found: install$(APT_PACKAGES) with your package manager"; fi

test:
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check proofread tests scripts
	$(PYTHON) -m ruff format --check proofread tests scripts

format:
	$(PYTHON) -m ruff format proofread tests scripts
	$(PYTHON) -m ruff check --fix proofread tests scripts

bench:
	$(PYTHON) scripts/bench.py

# OCR round trip on degraded renderings of the sample (several minutes).
bench-ocr:
	$(PYTHON) scripts/bench_ocr.py

# Regenerate the confusion sets in dictionaries/ (about 40 min on two cores). The OCR channel also
# renders in Hei and Kai faces: fonts-wqy-zenhei fonts-arphic-ukai, installed here, not by `install`.
# build_ocr_channel.py stops at its time limit; its lines are shuffled, so a short run is a uniform subsample.
data: APT_PACKAGES += fonts-wqy-zenhei fonts-arphic-ukai
data: system-deps
	nice $(PYTHON) scripts/build_ocr_channel.py --shard 0/2 --floor 0.005 --out /tmp/proofread_ocr0.tsv & \
	nice $(PYTHON) scripts/build_ocr_channel.py --shard 1/2 --floor 0.005 --out /tmp/proofread_ocr1.tsv; wait
	$(PYTHON) scripts/build_ocr_channel.py --merge /tmp/proofread_ocr0.tsv /tmp/proofread_ocr1.tsv
	nice $(PYTHON) scripts/build_confusion_visual.py
	$(PYTHON) scripts/build_confusion_phonetic.py
	nice $(PYTHON) scripts/build_punct_lookalikes.py
