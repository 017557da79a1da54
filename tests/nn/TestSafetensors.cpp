// Safetensors reading and writing: round trips, a file laid out byte by byte from the format's
// specification (so the reader is checked against the format, not only against our writer), and
// corrupt files that must be refused with a message naming the file.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>

#include "nn/Safetensors.h"

using ps::nn::NamedTensors;

namespace {

std::string withHeader(const std::string& json, const std::string& data) {
    std::string bytes(8, '\0');
    const unsigned long long n = json.size();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
    }
    return bytes + json + data;
}

void writeBytes(const QString& path, const std::string& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryDtypeShapeAndValue();
    void readsAFileLaidOutByHand();
    void refusesCorruptFiles_data();
    void refusesCorruptFiles();
    void failedSaveLeavesNoFile();

private:
    QTemporaryDir dir_;
};

void TestSafetensors::roundTripKeepsEveryDtypeShapeAndValue() {
    torch::manual_seed(7);
    NamedTensors in;
    in.tensors["encoder.weight"] = torch::randn({3, 4});
    in.tensors["encoder.bias"] = torch::randn({4}).to(torch::kDouble);
    in.tensors["half"] = torch::randn({2, 2, 2}).to(torch::kHalf);
    in.tensors["bf16"] = torch::randn({5}).to(torch::kBFloat16);
    in.tensors["steps"] = torch::arange(6, torch::kLong).reshape({2, 3});
    in.tensors["mask"] = torch::tensor({true, false, true});
    in.tensors["bytes"] = torch::arange(10, torch::kByte);
    in.tensors["scalar"] = torch::tensor(3.5f);
    in.tensors["empty"] = torch::zeros({0, 3});
    // A non-contiguous view must be stored as its logical values.
    in.tensors["transposed"] = torch::arange(6, torch::kFloat).reshape({2, 3}).t();
    in.metadata["format"] = "pt";
    in.metadata["note"] = "quotes \" and\nnewlines";

    const std::string path = dir_.filePath("model.safetensors").toStdString();
    std::string error;
    QVERIFY2(ps::nn::saveSafetensors(path, in, &error), error.c_str());

    NamedTensors out;
    QVERIFY2(ps::nn::loadSafetensors(path, &out, &error), error.c_str());
    QCOMPARE(out.tensors.size(), in.tensors.size());
    for (const auto& [name, tensor] : in.tensors) {
        QVERIFY2(out.tensors.count(name), name.c_str());
        const torch::Tensor& loaded = out.tensors.at(name);
        QCOMPARE(loaded.scalar_type(), tensor.scalar_type());
        QCOMPARE(loaded.sizes().vec(), tensor.sizes().vec());
        QVERIFY2(torch::equal(loaded, tensor), name.c_str());
    }
    QCOMPARE(out.metadata, in.metadata);
}

void TestSafetensors::readsAFileLaidOutByHand() {
    // Two F32 tensors and one I64, little-endian, as the specification lays them out.
    const float a[] = {1.0f, -2.5f, 3.25f, 0.0f};
    const long long b[] = {-1, 42};
    const float c[] = {7.0f};
    std::string data(reinterpret_cast<const char*>(a), sizeof(a));
    data += std::string(reinterpret_cast<const char*>(b), sizeof(b));
    data += std::string(reinterpret_cast<const char*>(c), sizeof(c));
    const std::string json =
        R"({"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},)"
        R"("b":{"dtype":"I64","shape":[2],"data_offsets":[16,32]},)"
        R"("c":{"dtype":"F32","shape":[],"data_offsets":[32,36]}})";
    const QString path = dir_.filePath("by_hand.safetensors");
    writeBytes(path, withHeader(json, data));

    NamedTensors out;
    std::string error;
    QVERIFY2(ps::nn::loadSafetensors(path.toStdString(), &out, &error), error.c_str());
    QVERIFY(torch::equal(out.tensors.at("a"),
                         torch::tensor({1.0f, -2.5f, 3.25f, 0.0f}).reshape({2, 2})));
    QVERIFY(torch::equal(out.tensors.at("b"), torch::tensor({int64_t{-1}, int64_t{42}})));
    QCOMPARE(out.tensors.at("c").dim(), 0);
    QCOMPARE(out.tensors.at("c").item<float>(), 7.0f);
    QCOMPARE(out.metadata.at("k"), std::string("v"));
}

void TestSafetensors::refusesCorruptFiles_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const std::string f32x2(8, '\0');
    const auto file = [](const std::string& json, const std::string& data) {
        const std::string bytes = withHeader(json, data);
        return QByteArray(bytes.data(), static_cast<int>(bytes.size()));
    };
    QTest::newRow("shorter than 8 bytes") << QByteArray("abc") << "shorter";
    QTest::newRow("header past the end")
        << QByteArray("\xff\x00\x00\x00\x00\x00\x00\x00{}", 10) << "beyond the end";
    QTest::newRow("not json") << file("{\"a\":", "") << "not valid JSON";
    QTest::newRow("not an object") << file("[1,2]", "") << "not a JSON object";
    QTest::newRow("unknown dtype")
        << file(R"({"a":{"dtype":"F7","shape":[2],"data_offsets":[0,8]}})", f32x2)
        << "unsupported dtype";
    QTest::newRow("size does not match shape")
        << file(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", f32x2)
        << "do not match";
    QTest::newRow("data past the end")
        << file(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", f32x2)
        << "beyond the end";
    QTest::newRow("overlapping tensors")
        << file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                f32x2)
        << "overlap";
    QTest::newRow("negative dimension")
        << file(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", f32x2)
        << "invalid shape";
}

void TestSafetensors::refusesCorruptFiles() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = dir_.filePath("corrupt.safetensors");
    writeBytes(path, bytes.toStdString());
    NamedTensors out;
    std::string error;
    QVERIFY(!ps::nn::loadSafetensors(path.toStdString(), &out, &error));
    QVERIFY2(QString::fromStdString(error).startsWith(path), error.c_str());
    QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
    QVERIFY(out.tensors.empty());
}

void TestSafetensors::failedSaveLeavesNoFile() {
    NamedTensors in;
    in.tensors["w"] = torch::ones({2});
    const std::string path = dir_.filePath("missing-folder/model.safetensors").toStdString();
    std::string error;
    QVERIFY(!ps::nn::saveSafetensors(path, in, &error));
    QVERIFY2(QString::fromStdString(error).startsWith(QString::fromStdString(path)), error.c_str());
    QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(path + ".partial")));
}

QTEST_GUILESS_MAIN(TestSafetensors)
#include "TestSafetensors.moc"
