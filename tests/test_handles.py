from paknevis import fix


def test_bidi_mangled_handle():
    assert fix("توئیتر BaharIran@ 7") == "توئیتر @BaharIran7"
    assert fix("از IranNews@ دیدن کنید") == "از @IranNews دیدن کنید"


def test_spaced_hashtags():
    assert fix("🍏# مجاهدین_خلق") == "🍏#مجاهدین_خلق"
    assert fix("متن # ایران") == "متن #ایران"
    assert fix("🌳# MaryamRajavi") == "🌳#MaryamRajavi"


def test_not_hashtags_stay():
    for text in ["# عنوان مارک‌داون", "C# و F#", "شماره # ۵", "ali@example.com"]:
        assert fix(text) == text
