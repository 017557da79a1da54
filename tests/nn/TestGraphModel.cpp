// The TensorFlow.js graph-model runner: every operation alone on a tiny model written by the test
// and checked against plain loops that follow TensorFlow's definitions (SAME padding's odd pixel
// after, AvgPool leaving padded cells out, ResizeBilinear's three conventions), the weight
// encodings, every file the loader must refuse, and the four MediaPipe models the studio ships.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <thread>

#include "nn/GraphModel.h"

using ps::nn::FloatTensor;
using ps::nn::GraphModel;

namespace {

using Attrs = std::vector<std::pair<std::string, std::string>>;

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

std::string base64(const std::string& s) {
    return QByteArray::fromStdString(s).toBase64().toStdString();
}

std::string joinedInts(const std::vector<int64_t>& v) {
    std::string text;
    for (size_t i = 0; i < v.size(); ++i) {
        text += (i ? "," : "") + quoted(std::to_string(v[i]));
    }
    return text;
}

std::string shapeJson(const std::vector<int64_t>& shape) {
    std::string dims;
    for (size_t i = 0; i < shape.size(); ++i) {
        dims += std::string(i ? "," : "") + "{\"size\":" + quoted(std::to_string(shape[i])) + "}";
    }
    return "{\"dim\":[" + dims + "]}";
}

// TensorFlow AttrValue JSON.
std::string listI(const std::vector<int64_t>& v) {
    return "{\"list\":{\"i\":[" + joinedInts(v) + "]}}";
}
std::string str(const std::string& s) {
    return "{\"s\":" + quoted(base64(s)) + "}";
}
std::string strList(const std::vector<std::string>& v) {
    std::string items;
    for (size_t i = 0; i < v.size(); ++i) {
        items += (i ? "," : "") + quoted(base64(v[i]));
    }
    return "{\"list\":{\"s\":[" + items + "]}}";
}
std::string flag(bool b) {
    return b ? "{\"b\":true}" : "{\"b\":false}";
}

Attrs windowAttrs(int stride, const std::string& padding, int dilation = 1) {
    return {{"strides", listI({1, stride, stride, 1})},
            {"dilations", listI({1, dilation, dilation, 1})},
            {"padding", str(padding)},
            {"data_format", str("NHWC")},
            {"explicit_paddings", "{\"list\":{}}"}};
}

std::string floatBytes(const std::vector<float>& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

std::string intBytes(const std::vector<int32_t>& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(int32_t));
}

// Writes a graph model the way the TensorFlow.js converter lays one out: nodes, a signature, and
// one weight group whose weights lie back to back in a single shard.
class GraphBuilder {
public:
    void input(const std::string& name, const std::vector<int64_t>& shape) {
        node(name, "Placeholder", {}, {{"shape", "{\"shape\":" + shapeJson(shape) + "}"}});
        inputs_.push_back(port(name, shape));
    }
    void output(const std::string& name, const std::vector<int64_t>& shape) {
        outputs_.push_back(port(name, shape));
    }
    void constant(const std::string& name, const std::vector<int64_t>& shape,
                  const std::vector<float>& values) {
        constantRaw(name, shape, "float32", "", floatBytes(values));
    }
    void constantInts(const std::string& name, const std::vector<int64_t>& shape,
                      const std::vector<int32_t>& values) {
        constantRaw(name, shape, "int32", "", intBytes(values));
    }
    // A weight as stored: `quantization` is its manifest JSON ("" for none).
    void constantRaw(const std::string& name, const std::vector<int64_t>& shape,
                     const std::string& dtype, const std::string& quantization,
                     const std::string& bytes) {
        const std::string tf_type = dtype == "int32" ? "DT_INT32" : "DT_FLOAT";
        node(name, "Const", {},
             {{"value", "{\"tensor\":{\"dtype\":\"" + tf_type +
                            "\",\"tensorShape\":" + shapeJson(shape) + "}}"},
              {"dtype", "{\"type\":\"" + tf_type + "\"}"}});
        weight(name, shape, dtype, quantization);
        bin += bytes;
    }
    void weight(const std::string& name, const std::vector<int64_t>& shape,
                const std::string& dtype, const std::string& quantization = "") {
        std::string dims;
        for (size_t i = 0; i < shape.size(); ++i) {
            dims += (i ? "," : "") + std::to_string(shape[i]);
        }
        weights_.push_back("{\"name\":" + quoted(name) + ",\"shape\":[" + dims +
                           "],\"dtype\":" + quoted(dtype) +
                           (quantization.empty() ? "" : ",\"quantization\":" + quantization) + "}");
    }
    void node(const std::string& name, const std::string& op,
              const std::vector<std::string>& inputs, const Attrs& attrs = {}) {
        std::string in, at;
        for (size_t i = 0; i < inputs.size(); ++i) {
            in += (i ? "," : "") + quoted(inputs[i]);
        }
        for (size_t i = 0; i < attrs.size(); ++i) {
            at += (i ? "," : "") + quoted(attrs[i].first) + ":" + attrs[i].second;
        }
        nodes_.push_back("{\"name\":" + quoted(name) + ",\"op\":" + quoted(op) + ",\"input\":[" +
                         in + "],\"attr\":{" + at + "}}");
    }

    std::string json(const std::string& shard) const {
        const auto join = [](const std::vector<std::string>& v) {
            std::string text;
            for (size_t i = 0; i < v.size(); ++i) {
                text += (i ? "," : "") + v[i];
            }
            return text;
        };
        return "{\"format\":\"graph-model\",\"generatedBy\":\"TestGraphModel\","
               "\"modelTopology\":{\"node\":[" +
               join(nodes_) + "],\"library\":{},\"versions\":{}},\"signature\":{\"inputs\":{" +
               join(inputs_) + "},\"outputs\":{" + join(outputs_) +
               "}},\"weightsManifest\":[{\"paths\":[" + quoted(shard) + "],\"weights\":[" +
               join(weights_) + "]}]}";
    }

    std::string bin;

private:
    static std::string port(const std::string& name, const std::vector<int64_t>& shape) {
        return quoted(name) + ":{\"name\":" + quoted(name + ":0") +
               ",\"dtype\":\"DT_FLOAT\",\"tensorShape\":" + shapeJson(shape) + "}";
    }

    std::vector<std::string> nodes_, weights_, inputs_, outputs_;
};

void writeFile(const QString& path, const std::string& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

// Distinct, mixed-sign values in [-1.4, 1.4].
std::vector<float> pattern(size_t n, int seed) {
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i) {
        v[i] = float(int((i * 37 + size_t(seed) * 11) % 23) - 11) / 8.0f;
    }
    return v;
}

FloatTensor tensor(const std::vector<int64_t>& shape, std::vector<float> data) {
    return FloatTensor{shape, std::move(data)};
}

// The near-equality of a result with the loops' answer, or a message saying where they part.
bool matches(const FloatTensor& got, const std::vector<int64_t>& shape,
             const std::vector<float>& want, std::string* why, float tolerance = 1e-4f) {
    if (got.shape != shape || got.data.size() != want.size()) {
        *why = "shape differs: got " + std::to_string(got.shape.size()) + "-D with " +
               std::to_string(got.data.size()) + " values";
        return false;
    }
    for (size_t i = 0; i < want.size(); ++i) {
        if (!(std::fabs(got.data[i] - want[i]) <= tolerance * std::max(1.0f, std::fabs(want[i])))) {
            *why = "value " + std::to_string(i) + " is " + std::to_string(got.data[i]) +
                   ", expected " + std::to_string(want[i]);
            return false;
        }
    }
    return true;
}

// One spatial axis of a TensorFlow window: its output size and the padding before it.
struct Axis {
    int out = 0;
    int pad_before = 0;
};

Axis axis(int in, int kernel, int stride, int dilation, bool same) {
    const int extent = (kernel - 1) * dilation + 1;
    if (!same) {
        return {(in - extent) / stride + 1, 0};
    }
    const int out = (in + stride - 1) / stride;
    const int total = std::max((out - 1) * stride + extent - in, 0);
    return {out, total / 2};  // the odd pixel goes after
}

struct Image {
    int h = 0, w = 0, c = 0;  // one image: batch 1
    std::vector<float> v;
    float at(int y, int x, int ch) const { return v[size_t((y * w + x) * c + ch)]; }
};

// Conv2D (multiplier 0, filter H W C O) or DepthwiseConv2dNative (filter H W C multiplier).
Image referenceConv(const Image& x, const std::vector<float>& filter, int kh, int kw, int out_c,
                    int multiplier, int stride, int dilation, bool same) {
    const Axis ay = axis(x.h, kh, stride, dilation, same);
    const Axis ax = axis(x.w, kw, stride, dilation, same);
    Image y{ay.out, ax.out, multiplier ? x.c * multiplier : out_c, {}};
    y.v.assign(size_t(y.h * y.w * y.c), 0.0f);
    for (int oy = 0; oy < y.h; ++oy) {
        for (int ox = 0; ox < y.w; ++ox) {
            for (int o = 0; o < y.c; ++o) {
                double sum = 0.0;
                for (int ky = 0; ky < kh; ++ky) {
                    for (int kx = 0; kx < kw; ++kx) {
                        const int iy = oy * stride + ky * dilation - ay.pad_before;
                        const int ix = ox * stride + kx * dilation - ax.pad_before;
                        if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) {
                            continue;
                        }
                        if (multiplier) {
                            const int ci = o / multiplier, m = o % multiplier;
                            sum += x.at(iy, ix, ci) *
                                   filter[size_t(((ky * kw + kx) * x.c + ci) * multiplier + m)];
                            continue;
                        }
                        for (int ci = 0; ci < x.c; ++ci) {
                            sum += x.at(iy, ix, ci) *
                                   filter[size_t(((ky * kw + kx) * x.c + ci) * out_c + o)];
                        }
                    }
                }
                y.v[size_t((oy * y.w + ox) * y.c + o)] = float(sum);
            }
        }
    }
    return y;
}

Image referencePool(const Image& x, bool max, int k, int stride, bool same) {
    const Axis ay = axis(x.h, k, stride, 1, same);
    const Axis ax = axis(x.w, k, stride, 1, same);
    Image y{ay.out, ax.out, x.c, {}};
    for (int oy = 0; oy < y.h; ++oy) {
        for (int ox = 0; ox < y.w; ++ox) {
            for (int ch = 0; ch < x.c; ++ch) {
                double best = -1e30, sum = 0.0;
                int count = 0;
                for (int ky = 0; ky < k; ++ky) {
                    for (int kx = 0; kx < k; ++kx) {
                        const int iy = oy * stride + ky - ay.pad_before;
                        const int ix = ox * stride + kx - ax.pad_before;
                        if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) {
                            continue;  // padded cells take no part, in max and in average
                        }
                        best = std::max(best, double(x.at(iy, ix, ch)));
                        sum += x.at(iy, ix, ch);
                        ++count;
                    }
                }
                y.v.push_back(float(max ? best : sum / count));
            }
        }
    }
    return y;
}

// Conv2DBackpropInput as the gradient it is: every dy pixel spreads through the filter
// (H W out in) onto the input positions the forward convolution read it from.
Image referenceTransposedConv(const Image& dy, const std::vector<float>& filter, int k, int out_h,
                              int out_w, int out_c, int stride, bool same) {
    const int pad_y = axis(out_h, k, stride, 1, same).pad_before;
    const int pad_x = axis(out_w, k, stride, 1, same).pad_before;
    Image y{out_h, out_w, out_c, std::vector<float>(size_t(out_h * out_w * out_c), 0.0f)};
    for (int oy = 0; oy < dy.h; ++oy) {
        for (int ox = 0; ox < dy.w; ++ox) {
            for (int ci = 0; ci < dy.c; ++ci) {
                for (int ky = 0; ky < k; ++ky) {
                    for (int kx = 0; kx < k; ++kx) {
                        const int iy = oy * stride + ky - pad_y;
                        const int ix = ox * stride + kx - pad_x;
                        if (iy < 0 || iy >= out_h || ix < 0 || ix >= out_w) {
                            continue;
                        }
                        for (int co = 0; co < out_c; ++co) {
                            y.v[size_t((iy * out_w + ix) * out_c + co)] +=
                                dy.at(oy, ox, ci) *
                                filter[size_t(((ky * k + kx) * out_c + co) * dy.c + ci)];
                        }
                    }
                }
            }
        }
    }
    return y;
}

// TensorFlow's resize_bilinear_op.cc: source index, its clamped neighbours and the weight.
struct Sample {
    int lower, upper;
    float lerp;
};

std::vector<Sample> samples(int in, int out, bool align_corners, bool half_pixel) {
    const float scale =
        align_corners && out > 1 ? float(in - 1) / float(out - 1) : float(in) / float(out);
    std::vector<Sample> s;
    for (int i = 0; i < out; ++i) {
        const float src = half_pixel ? (float(i) + 0.5f) * scale - 0.5f : float(i) * scale;
        const float f = std::floor(src);
        s.push_back({std::max(int(f), 0), std::min(int(std::ceil(src)), in - 1), src - f});
    }
    return s;
}

Image referenceResize(const Image& x, int out_h, int out_w, bool align_corners, bool half_pixel) {
    const std::vector<Sample> ys = samples(x.h, out_h, align_corners, half_pixel);
    const std::vector<Sample> xs = samples(x.w, out_w, align_corners, half_pixel);
    Image y{out_h, out_w, x.c, {}};
    for (const Sample& sy : ys) {
        for (const Sample& sx : xs) {
            for (int ch = 0; ch < x.c; ++ch) {
                const float tl = x.at(sy.lower, sx.lower, ch), tr = x.at(sy.lower, sx.upper, ch);
                const float bl = x.at(sy.upper, sx.lower, ch), br = x.at(sy.upper, sx.upper, ch);
                const float top = tl + (tr - tl) * sx.lerp;
                const float bottom = bl + (br - bl) * sx.lerp;
                y.v.push_back(top + (bottom - top) * sy.lerp);
            }
        }
    }
    return y;
}

std::vector<float> broadcastAdd(const std::vector<float>& a, const std::vector<float>& b, int n,
                                int c, bool multiply) {
    std::vector<float> out;
    for (int i = 0; i < n; ++i) {
        const float bv = b.size() == 1 ? b[0] : b[size_t(i % c)];
        out.push_back(multiply ? a[size_t(i)] * bv : a[size_t(i)] + bv);
    }
    return out;
}

std::string modelPath(const std::string& name) {
    return std::string(PS_SOURCE_DIR) + "/resources/models/" + name + ".json";
}

bool allFinite(const FloatTensor& t) {
    return std::all_of(t.data.begin(), t.data.end(), [](float v) { return std::isfinite(v); });
}

}  // namespace

class TestGraphModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void convolutionMatchesLoops_data();
    void convolutionMatchesLoops();
    void asymmetricSamePaddingByHand();
    void explicitPaddingByHand();
    void fusedConvolution_data();
    void fusedConvolution();
    void depthwiseConvolution_data();
    void depthwiseConvolution();
    void pooling_data();
    void pooling();
    void transposedConvolution_data();
    void transposedConvolution();
    void resizeBilinear_data();
    void resizeBilinear();
    void resizeBilinearHalfPixelByHand();
    void padAddsZerosPerDimension();
    void reshapeWithMinusOneTakesAnyBatch();
    void concatOnChannels_data();
    void concatOnChannels();
    void elementwiseBroadcasting_data();
    void elementwiseBroadcasting();
    void addNSumsAll();
    void activations_data();
    void activations();
    void quantisedWeightsDecode_data();
    void quantisedWeightsDecode();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void runRefusesBadInputs();
    void realModelsRun_data();
    void realModelsRun();
    void blazefaceSeesTheImage();
    void facemeshRunTime();

private:
    // Writes `graph` to a fresh pair of files and loads it.
    std::unique_ptr<GraphModel> load(const GraphBuilder& graph, std::string* error);
    // Loads and runs `graph`, giving its output "out".
    bool runOut(const GraphBuilder& graph, const std::map<std::string, FloatTensor>& inputs,
                FloatTensor* out, std::string* error);

    QTemporaryDir dir_;
    int files_ = 0;
};

void TestGraphModel::initTestCase() {
    QVERIFY(dir_.isValid());
    GraphModel::setThreads(1);
}

std::unique_ptr<GraphModel> TestGraphModel::load(const GraphBuilder& graph, std::string* error) {
    const QString base = QString("graph%1").arg(++files_);
    writeFile(dir_.filePath(base + ".bin"), graph.bin);
    writeFile(dir_.filePath(base + ".json"), graph.json((base + ".bin").toStdString()));
    return GraphModel::load(dir_.filePath(base + ".json").toStdString(), error);
}

bool TestGraphModel::runOut(const GraphBuilder& graph,
                            const std::map<std::string, FloatTensor>& inputs, FloatTensor* out,
                            std::string* error) {
    const std::unique_ptr<GraphModel> model = load(graph, error);
    std::map<std::string, FloatTensor> outputs;
    if (!model || !model->run(inputs, {"out:0"}, &outputs, error)) {
        return false;
    }
    *out = outputs.at("out:0");
    return true;
}

void TestGraphModel::convolutionMatchesLoops_data() {
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<QString>("padding");
    QTest::newRow("SAME 5x5 k3 s1") << 5 << 5 << 3 << 1 << 1 << "SAME";
    QTest::newRow("SAME 6x6 k3 s2 (odd pixel after)") << 6 << 6 << 3 << 2 << 1 << "SAME";
    QTest::newRow("SAME 7x7 k3 s2") << 7 << 7 << 3 << 2 << 1 << "SAME";
    QTest::newRow("SAME 4x5 k2 s1 (odd pixel after)") << 4 << 5 << 2 << 1 << 1 << "SAME";
    QTest::newRow("SAME 8x8 k5 s3 (1 before, 2 after)") << 8 << 8 << 5 << 3 << 1 << "SAME";
    QTest::newRow("SAME 6x6 k3 dilation 2") << 6 << 6 << 3 << 1 << 2 << "SAME";
    QTest::newRow("VALID 6x6 k3 s1") << 6 << 6 << 3 << 1 << 1 << "VALID";
    QTest::newRow("VALID 7x6 k3 s2") << 7 << 6 << 3 << 2 << 1 << "VALID";
    QTest::newRow("VALID 5x5 k1 s1") << 5 << 5 << 1 << 1 << 1 << "VALID";
}

void TestGraphModel::convolutionMatchesLoops() {
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, k);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(QString, padding);
    const int cin = 2, cout = 3;
    const Image x{h, w, cin, pattern(size_t(h * w * cin), 1)};
    const std::vector<float> filter = pattern(size_t(k * k * cin * cout), 2);
    GraphBuilder g;
    g.input("x", {1, h, w, cin});
    g.constant("f", {k, k, cin, cout}, filter);
    g.node("out", "Conv2D", {"x", "f"}, windowAttrs(stride, padding.toStdString(), dilation));
    g.output("out", {});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, h, w, cin}, x.v)}}, &out, &error), error.c_str());
    const Image want = referenceConv(x, filter, k, k, cout, 0, stride, dilation, padding == "SAME");
    QVERIFY2(matches(out, {1, want.h, want.w, cout}, want.v, &error), error.c_str());
}

void TestGraphModel::asymmetricSamePaddingByHand() {
    // A 2x2 box filter of ones over [1 2; 3 4], SAME, stride 1: TensorFlow pads one row and one
    // column of zeros after, none before.
    GraphBuilder g;
    g.input("x", {1, 2, 2, 1});
    g.constant("f", {2, 2, 1, 1}, {1, 1, 1, 1});
    g.node("out", "Conv2D", {"x", "f"}, windowAttrs(1, "SAME"));
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 2, 2, 1}, {1, 2, 3, 4})}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {1, 2, 2, 1}, {10, 6, 7, 4}, &error), error.c_str());

    // A 3x3 box over 1..16 (4x4), stride 2: windows start at rows/columns 0 and 2.
    GraphBuilder g2;
    g2.input("x", {1, 4, 4, 1});
    g2.constant("f", {3, 3, 1, 1}, std::vector<float>(9, 1.0f));
    g2.node("out", "Conv2D", {"x", "f"}, windowAttrs(2, "SAME"));
    std::vector<float> x(16);
    for (int i = 0; i < 16; ++i) {
        x[size_t(i)] = float(i + 1);
    }
    QVERIFY2(runOut(g2, {{"x:0", tensor({1, 4, 4, 1}, x)}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {1, 2, 2, 1}, {54, 45, 72, 54}, &error), error.c_str());
}

void TestGraphModel::explicitPaddingByHand() {
    // A 1x1 filter of 2 over [1 2; 3 4] with one row of zeros above and one column on the right.
    GraphBuilder g;
    g.input("x", {1, 2, 2, 1});
    g.constant("f", {1, 1, 1, 1}, {2});
    g.node("out", "Conv2D", {"x", "f"},
           {{"strides", listI({1, 1, 1, 1})},
            {"padding", str("EXPLICIT")},
            {"explicit_paddings", listI({0, 0, 1, 0, 0, 1, 0, 0})}});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 2, 2, 1}, {1, 2, 3, 4})}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {1, 3, 3, 1}, {0, 0, 0, 2, 4, 0, 6, 8, 0}, &error), error.c_str());
}

void TestGraphModel::fusedConvolution_data() {
    QTest::addColumn<QString>("activation");
    QTest::newRow("BiasAdd") << "";
    QTest::newRow("BiasAdd, Relu") << "Relu";
    QTest::newRow("BiasAdd, Relu6") << "Relu6";
    QTest::newRow("BiasAdd, Prelu") << "Prelu";
}

void TestGraphModel::fusedConvolution() {
    QFETCH(QString, activation);
    const int h = 6, w = 5, cin = 3, cout = 4, k = 3;
    const Image x{h, w, cin, pattern(size_t(h * w * cin), 3)};
    std::vector<float> filter = pattern(size_t(k * k * cin * cout), 4);
    for (float& f : filter) {
        f *= 4.0f;  // outputs well past 6 and well below 0
    }
    const std::vector<float> bias = {0.5f, -1.0f, 2.0f, 7.0f};
    const std::vector<float> alpha = {0.1f, 0.2f, 0.3f, -0.5f};
    GraphBuilder g;
    g.input("x", {1, h, w, cin});
    g.constant("f", {k, k, cin, cout}, filter);
    g.constant("b", {cout}, bias);
    std::vector<std::string> ops = {"BiasAdd"};
    std::vector<std::string> inputs = {"x", "f", "b"};
    if (!activation.isEmpty()) {
        ops.push_back(activation.toStdString());
    }
    if (activation == "Prelu") {
        g.constant("alpha", {1, 1, cout}, alpha);
        inputs.push_back("alpha");
    }
    Attrs attrs = windowAttrs(2, "SAME");
    attrs.push_back({"fused_ops", strList(ops)});
    attrs.push_back({"num_args", activation == "Prelu" ? "{\"i\":\"2\"}" : "{\"i\":\"1\"}"});
    attrs.push_back({"epsilon", "{\"f\":0}"});
    g.node("out", "_FusedConv2D", inputs, attrs);
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, h, w, cin}, x.v)}}, &out, &error), error.c_str());
    Image want = referenceConv(x, filter, k, k, cout, 0, 2, 1, true);
    bool saw_negative = false, saw_above_six = false;
    for (size_t i = 0; i < want.v.size(); ++i) {
        float& v = want.v[i];
        v += bias[i % cout];
        saw_negative = saw_negative || v < 0;
        saw_above_six = saw_above_six || v > 6;
        if (activation == "Relu") {
            v = std::max(v, 0.0f);
        } else if (activation == "Relu6") {
            v = std::min(std::max(v, 0.0f), 6.0f);
        } else if (activation == "Prelu" && v < 0) {
            v *= alpha[i % cout];
        }
    }
    QVERIFY(saw_negative && saw_above_six);
    QVERIFY2(matches(out, {1, want.h, want.w, cout}, want.v, &error), error.c_str());
}

void TestGraphModel::depthwiseConvolution_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("multiplier");
    QTest::addColumn<int>("stride");
    QTest::addColumn<QString>("padding");
    QTest::newRow("multiplier 1, SAME 5x5 s1") << 5 << 1 << 1 << "SAME";
    QTest::newRow("multiplier 1, SAME 6x6 s2 (odd pixel after)") << 6 << 1 << 2 << "SAME";
    QTest::newRow("multiplier 2, SAME 5x5 s1") << 5 << 2 << 1 << "SAME";
    QTest::newRow("multiplier 2, VALID 7x7 s2") << 7 << 2 << 2 << "VALID";
}

void TestGraphModel::depthwiseConvolution() {
    QFETCH(int, size);
    QFETCH(int, multiplier);
    QFETCH(int, stride);
    QFETCH(QString, padding);
    const int c = 3, k = 3;
    const Image x{size, size, c, pattern(size_t(size * size * c), 5)};
    const std::vector<float> filter = pattern(size_t(k * k * c * multiplier), 6);
    GraphBuilder g;
    g.input("x", {1, size, size, c});
    g.constant("f", {k, k, c, multiplier}, filter);
    g.node("out", "DepthwiseConv2dNative", {"x", "f"}, windowAttrs(stride, padding.toStdString()));
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, size, size, c}, x.v)}}, &out, &error), error.c_str());
    const Image want = referenceConv(x, filter, k, k, 0, multiplier, stride, 1, padding == "SAME");
    QVERIFY2(matches(out, {1, want.h, want.w, want.c}, want.v, &error), error.c_str());
}

void TestGraphModel::pooling_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("stride");
    QTest::addColumn<QString>("padding");
    QTest::newRow("max SAME 5x5 k2 s2 (odd pixel after)") << "MaxPool" << 5 << 2 << 2 << "SAME";
    QTest::newRow("max SAME 4x4 k3 s1") << "MaxPool" << 4 << 3 << 1 << "SAME";
    QTest::newRow("max VALID 6x6 k2 s2") << "MaxPool" << 6 << 2 << 2 << "VALID";
    QTest::newRow("max VALID 7x7 k3 s2") << "MaxPool" << 7 << 3 << 2 << "VALID";
    QTest::newRow("avg SAME 5x5 k2 s2 (odd pixel after)") << "AvgPool" << 5 << 2 << 2 << "SAME";
    QTest::newRow("avg SAME 4x4 k3 s1") << "AvgPool" << 4 << 3 << 1 << "SAME";
    QTest::newRow("avg SAME 6x6 k4 s3") << "AvgPool" << 6 << 4 << 3 << "SAME";
    QTest::newRow("avg VALID 6x6 k3 s3") << "AvgPool" << 6 << 3 << 3 << "VALID";
    QTest::newRow("avg VALID 8x8 k8 s8 (global)") << "AvgPool" << 8 << 8 << 8 << "VALID";
}

void TestGraphModel::pooling() {
    QFETCH(QString, op);
    QFETCH(int, size);
    QFETCH(int, k);
    QFETCH(int, stride);
    QFETCH(QString, padding);
    const int c = 2;
    // Negative values everywhere: a max that counted padding as zero would show.
    Image x{size, size, c, pattern(size_t(size * size * c), 7)};
    for (float& v : x.v) {
        v -= 2.0f;
    }
    GraphBuilder g;
    g.input("x", {1, size, size, c});
    Attrs attrs = windowAttrs(stride, padding.toStdString());
    attrs.push_back({"ksize", listI({1, k, k, 1})});
    g.node("out", op.toStdString(), {"x"}, attrs);
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, size, size, c}, x.v)}}, &out, &error), error.c_str());
    const Image want = referencePool(x, op == "MaxPool", k, stride, padding == "SAME");
    QVERIFY2(matches(out, {1, want.h, want.w, c}, want.v, &error), error.c_str());
}

void TestGraphModel::transposedConvolution_data() {
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("out");
    QTest::addColumn<QString>("padding");
    QTest::newRow("SAME k2 s2 3->6 (selfie's)") << 3 << 2 << 6 << "SAME";
    QTest::newRow("SAME k3 s2 3->5") << 3 << 3 << 5 << "SAME";
    QTest::newRow("SAME k3 s2 3->6 (odd pixel after)") << 3 << 3 << 6 << "SAME";
    QTest::newRow("VALID k3 s2 3->7") << 3 << 3 << 7 << "VALID";
}

void TestGraphModel::transposedConvolution() {
    QFETCH(int, in);
    QFETCH(int, k);
    QFETCH(int, out);
    QFETCH(QString, padding);
    const int cin = 3, cout = 2, stride = 2;
    const Image dy{in, in, cin, pattern(size_t(in * in * cin), 8)};
    const std::vector<float> filter = pattern(size_t(k * k * cout * cin), 9);
    GraphBuilder g;
    g.input("dy", {1, in, in, cin});
    g.constantInts("sizes", {4}, {1, out, out, cout});
    g.constant("f", {k, k, cout, cin}, filter);
    g.node("out", "Conv2DBackpropInput", {"sizes", "f", "dy"},
           windowAttrs(stride, padding.toStdString()));
    FloatTensor result;
    std::string error;
    QVERIFY2(runOut(g, {{"dy:0", tensor({1, in, in, cin}, dy.v)}}, &result, &error), error.c_str());
    const Image want =
        referenceTransposedConv(dy, filter, k, out, out, cout, stride, padding == "SAME");
    QVERIFY2(matches(result, {1, out, out, cout}, want.v, &error), error.c_str());
}

void TestGraphModel::resizeBilinear_data() {
    QTest::addColumn<int>("out_h");
    QTest::addColumn<int>("out_w");
    QTest::addColumn<bool>("align_corners");
    QTest::addColumn<bool>("half_pixel");
    QTest::newRow("half-pixel centres, x2 (selfie's)") << 6 << 8 << false << true;
    QTest::newRow("half-pixel centres, shrink") << 2 << 3 << false << true;
    QTest::newRow("align corners") << 5 << 7 << true << false;
    QTest::newRow("legacy") << 6 << 7 << false << false;
}

void TestGraphModel::resizeBilinear() {
    QFETCH(int, out_h);
    QFETCH(int, out_w);
    QFETCH(bool, align_corners);
    QFETCH(bool, half_pixel);
    const Image x{3, 4, 2, pattern(24, 10)};
    GraphBuilder g;
    g.input("x", {1, 3, 4, 2});
    g.constantInts("size", {2}, {out_h, out_w});
    g.node("out", "ResizeBilinear", {"x", "size"},
           {{"align_corners", flag(align_corners)}, {"half_pixel_centers", flag(half_pixel)}});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 3, 4, 2}, x.v)}}, &out, &error), error.c_str());
    const Image want = referenceResize(x, out_h, out_w, align_corners, half_pixel);
    QVERIFY2(matches(out, {1, out_h, out_w, 2}, want.v, &error), error.c_str());
}

void TestGraphModel::resizeBilinearHalfPixelByHand() {
    // [0 4] to four columns: sources at -0.25 (clamped), 0.25, 0.75 and 1.25 (clamped).
    GraphBuilder g;
    g.input("x", {1, 1, 2, 1});
    g.constantInts("size", {2}, {1, 4});
    g.node("out", "ResizeBilinear", {"x", "size"},
           {{"align_corners", flag(false)}, {"half_pixel_centers", flag(true)}});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 1, 2, 1}, {0, 4})}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {1, 1, 4, 1}, {0, 1, 3, 4}, &error), error.c_str());
}

void TestGraphModel::padAddsZerosPerDimension() {
    // As facemesh pads channels: paddings [[0,0],[1,2],[0,1],[1,0]] on 1x2x2x2.
    GraphBuilder g;
    g.input("x", {1, 2, 2, 2});
    g.constantInts("p", {4, 2}, {0, 0, 1, 2, 0, 1, 1, 0});
    g.node("out", "Pad", {"x", "p"});
    const std::vector<float> x = {1, 2, 3, 4, 5, 6, 7, 8};
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 2, 2, 2}, x)}}, &out, &error), error.c_str());
    std::vector<float> want(5 * 3 * 3, 0.0f);
    for (int y = 0; y < 2; ++y) {
        for (int xx = 0; xx < 2; ++xx) {
            for (int c = 0; c < 2; ++c) {
                want[size_t(((y + 1) * 3 + xx) * 3 + c + 1)] = x[size_t((y * 2 + xx) * 2 + c)];
            }
        }
    }
    QVERIFY2(matches(out, {1, 5, 3, 3}, want, &error), error.c_str());
}

void TestGraphModel::reshapeWithMinusOneTakesAnyBatch() {
    GraphBuilder g;
    g.input("x", {-1, 2, 3, 2});
    g.constantInts("shape", {2}, {-1, 12});
    g.node("out", "Reshape", {"x", "shape", "^x"});  // a control dependency, ignored
    const std::vector<float> x = pattern(24, 11);
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({2, 2, 3, 2}, x)}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {2, 12}, x, &error), error.c_str());
}

void TestGraphModel::concatOnChannels_data() {
    QTest::addColumn<int>("axis");
    QTest::newRow("axis 3") << 3;
    QTest::newRow("axis -1") << -1;
}

void TestGraphModel::concatOnChannels() {
    QFETCH(int, axis);
    GraphBuilder g;
    g.input("a", {1, 2, 2, 2});
    g.input("b", {1, 2, 2, 3});
    g.constantInts("axis", {}, {axis});
    g.node("out", "ConcatV2", {"a", "b", "axis"}, {{"N", "{\"i\":\"2\"}"}});
    const std::vector<float> a = pattern(8, 12), b = pattern(12, 13);
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"a:0", tensor({1, 2, 2, 2}, a)}, {"b:0", tensor({1, 2, 2, 3}, b)}}, &out,
                    &error),
             error.c_str());
    std::vector<float> want;
    for (int p = 0; p < 4; ++p) {
        want.insert(want.end(), a.begin() + 2 * p, a.begin() + 2 * p + 2);
        want.insert(want.end(), b.begin() + 3 * p, b.begin() + 3 * p + 3);
    }
    QVERIFY2(matches(out, {1, 2, 2, 5}, want, &error), error.c_str());
}

void TestGraphModel::elementwiseBroadcasting_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<bool>("scalar");
    QTest::newRow("Add, per channel") << "Add" << false;
    QTest::newRow("AddV2, scalar") << "AddV2" << true;
    QTest::newRow("Mul, per channel") << "Mul" << false;
    QTest::newRow("Mul, scalar") << "Mul" << true;
}

void TestGraphModel::elementwiseBroadcasting() {
    QFETCH(QString, op);
    QFETCH(bool, scalar);
    const std::vector<float> x = pattern(12, 14);
    const std::vector<float> y = scalar ? std::vector<float>{1.5f} : std::vector<float>{2, -3, 5};
    GraphBuilder g;
    g.input("x", {1, 2, 2, 3});
    g.constant("y", scalar ? std::vector<int64_t>{} : std::vector<int64_t>{3}, y);
    // The constant first, as selfie's Mul nodes have it.
    g.node("out", op.toStdString(), {"y", "x"});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 2, 2, 3}, x)}}, &out, &error), error.c_str());
    QVERIFY2(matches(out, {1, 2, 2, 3}, broadcastAdd(x, y, 12, 3, op == "Mul"), &error),
             error.c_str());

    // Both sides broadcast: [1,2,1,3] and [1,1,2,1] make [1,2,2,3].
    GraphBuilder g2;
    g2.input("a", {1, 2, 1, 3});
    g2.input("b", {1, 1, 2, 1});
    g2.node("out", op.toStdString(), {"a", "b"});
    const std::vector<float> a = {1, 2, 3, 4, 5, 6}, b = {10, -20};
    QVERIFY2(runOut(g2, {{"a:0", tensor({1, 2, 1, 3}, a)}, {"b:0", tensor({1, 1, 2, 1}, b)}}, &out,
                    &error),
             error.c_str());
    std::vector<float> want;
    for (int row = 0; row < 2; ++row) {
        for (int col = 0; col < 2; ++col) {
            for (int c = 0; c < 3; ++c) {
                const float av = a[size_t(row * 3 + c)], bv = b[size_t(col)];
                want.push_back(op == "Mul" ? av * bv : av + bv);
            }
        }
    }
    QVERIFY2(matches(out, {1, 2, 2, 3}, want, &error), error.c_str());
}

void TestGraphModel::addNSumsAll() {
    GraphBuilder g;
    g.input("a", {1, 2, 2, 1});
    g.input("b", {1, 2, 2, 1});
    g.constant("c", {1, 2, 2, 1}, {100, 200, 300, 400});
    g.node("out", "AddN", {"a", "b", "c"}, {{"N", "{\"i\":\"3\"}"}});
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g,
                    {{"a:0", tensor({1, 2, 2, 1}, {1, 2, 3, 4})},
                     {"b:0", tensor({1, 2, 2, 1}, {10, 20, 30, 40})}},
                    &out, &error),
             error.c_str());
    QVERIFY2(matches(out, {1, 2, 2, 1}, {111, 222, 333, 444}, &error), error.c_str());
}

void TestGraphModel::activations_data() {
    QTest::addColumn<QString>("op");
    QTest::newRow("Relu") << "Relu";
    QTest::newRow("Relu6") << "Relu6";
    QTest::newRow("Sigmoid") << "Sigmoid";
    QTest::newRow("Prelu") << "Prelu";
    QTest::newRow("Identity") << "Identity";
}

void TestGraphModel::activations() {
    QFETCH(QString, op);
    const std::vector<float> x = {-8, -1.5f, -0.25f, 0, 0.5f, 3, 6, 9};
    const std::vector<float> alpha = {0.25f, -0.5f};
    GraphBuilder g;
    g.input("x", {1, 2, 2, 2});
    if (op == "Prelu") {
        g.constant("alpha", {1, 1, 2}, alpha);
        g.node("out", "Prelu", {"x", "alpha"});
    } else {
        g.node("out", op.toStdString(), {"x"});
    }
    FloatTensor out;
    std::string error;
    QVERIFY2(runOut(g, {{"x:0", tensor({1, 2, 2, 2}, x)}}, &out, &error), error.c_str());
    std::vector<float> want;
    for (size_t i = 0; i < x.size(); ++i) {
        const float v = x[i];
        if (op == "Relu") {
            want.push_back(v > 0 ? v : 0);
        } else if (op == "Relu6") {
            want.push_back(v < 0 ? 0 : v > 6 ? 6 : v);
        } else if (op == "Sigmoid") {
            want.push_back(float(1.0 / (1.0 + std::exp(-double(v)))));
        } else if (op == "Prelu") {
            want.push_back(v < 0 ? v * alpha[i % 2] : v);
        } else {
            want.push_back(v);
        }
    }
    QVERIFY2(matches(out, {1, 2, 2, 2}, want, &error, 1e-6f), error.c_str());
}

void TestGraphModel::quantisedWeightsDecode_data() {
    QTest::addColumn<QString>("quantization");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QVector<float>>("values");
    // Little-endian halves: 1, -2, 0.333251953125, 65504 (largest), 2^-24 (smallest subnormal).
    QTest::newRow("float16") << R"({"dtype":"float16","original_dtype":"float32"})"
                             << QByteArray("\x00\x3c\x00\xc0\x55\x35\xff\x7b\x01\x00", 10)
                             << QVector<float>{1.0f, -2.0f, 0.333251953125f, 65504.0f,
                                               5.9604644775390625e-08f};
    // value = q * scale + min
    QTest::newRow("uint8")
        << R"({"dtype":"uint8","scale":0.25,"min":-2,"original_dtype":"float32"})"
        << QByteArray("\x00\x01\x08\x10\xff", 5)
        << QVector<float>{-2.0f, -1.75f, 0.0f, 2.0f, 61.75f};
    QTest::newRow("uint16")
        << R"({"dtype":"uint16","scale":0.5,"min":1,"original_dtype":"float32"})"
        << QByteArray("\x00\x00\x03\x00\x00\x01\xff\xff\x01\x00", 10)
        << QVector<float>{1.0f, 2.5f, 129.0f, 32768.5f, 1.5f};
}

void TestGraphModel::quantisedWeightsDecode() {
    QFETCH(QString, quantization);
    QFETCH(QByteArray, bytes);
    QFETCH(QVector<float>, values);
    GraphBuilder g;
    // A float32 weight before and after: packing must advance by the stored size (2 or 1 bytes).
    g.constant("before", {1}, {7.0f});
    g.constantRaw("w", {5}, "float32", quantization.toStdString(), bytes.toStdString());
    g.constant("after", {2}, {-3.0f, 0.125f});
    g.node("out", "Identity", {"w"});
    g.node("tail", "Identity", {"after"});
    g.output("out", {5});
    std::string error;
    const std::unique_ptr<GraphModel> model = load(g, &error);
    QVERIFY2(model, error.c_str());
    std::map<std::string, FloatTensor> outputs;
    QVERIFY2(model->run({}, {"out:0", "tail", "before:0"}, &outputs, &error), error.c_str());
    QVERIFY2(matches(outputs.at("out:0"), {5}, std::vector<float>(values.begin(), values.end()),
                     &error, 0.0f),
             error.c_str());
    QVERIFY2(matches(outputs.at("tail"), {2}, {-3.0f, 0.125f}, &error, 0.0f), error.c_str());
    QVERIFY2(matches(outputs.at("before:0"), {1}, {7.0f}, &error, 0.0f), error.c_str());
}

void TestGraphModel::refusesBrokenFiles_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("bin");  // "missing": no shard file at all
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const GraphBuilder& g, const std::string& bin,
                        const char* expected) {
        QTest::newRow(name) << QByteArray::fromStdString(g.json("weights.bin"))
                            << QByteArray::fromStdString(bin) << expected;
    };
    // A valid two-node model the rows below break one way each.
    const auto base = [] {
        GraphBuilder g;
        g.input("x", {1, 4, 4, 2});
        g.constant("f", {3, 3, 2, 2}, pattern(36, 1));
        return g;
    };
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"graph-model\", ") << QByteArray()
                              << "is not valid JSON";
    QTest::newRow("a layers model") << QByteArray(R"({"format":"layers-model","modelTopology":{}})")
                                    << QByteArray() << "its format is 'layers-model'";
    QTest::newRow("no topology") << QByteArray(R"({"weightsManifest":[]})") << QByteArray()
                                 << "not a TensorFlow.js graph model";
    {
        GraphBuilder g = base();
        g.node("out", "Foo", {"x"});
        row("unknown operation", g, g.bin,
            "node 'out' uses operation 'Foo', which this runner does not execute");
    }
    {
        GraphBuilder g = base();
        g.node("out", "Conv2D", {"x", "f"}, windowAttrs(1, "SAME"));
        row("shard missing", g, "missing", "weights.bin' is missing");
        row("shard one byte short", g, g.bin.substr(0, g.bin.size() - 1), "too few for weight 'f'");
        row("shard one byte long", g, g.bin + "x", "more than the 144 bytes its weights take");
    }
    {
        GraphBuilder g = base();
        g.node("out", "Conv2D", {"x", "g"}, windowAttrs(1, "SAME"));
        row("input names no node", g, g.bin,
            "node 'out' takes input 'g', which names no node in the graph");
    }
    {
        GraphBuilder g = base();
        g.node("out", "Conv2D", {"x", "f:1"}, windowAttrs(1, "SAME"));
        row("input takes a second output", g, g.bin, "which has only one output");
    }
    {
        GraphBuilder g = base();
        g.node("c", "Const", {});
        g.node("out", "AddV2", {"x", "c"});
        row("Const without weight", g, g.bin, "node 'c' is a Const with no weight");
    }
    {
        GraphBuilder g = base();
        g.node("w", "Const", {},
               {{"value",
                 "{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":" + shapeJson({3}) + "}}"}});
        g.weight("w", {2, 2}, "float32");
        g.node("out", "Mul", {"x", "w"});
        row("weight shape differs from its Const", g, g.bin + std::string(16, '\0'),
            "weight 'w' has shape [2,2] in the manifest, but its Const node declares [3]");
    }
    {
        GraphBuilder g = base();
        g.constantRaw("w", {-2}, "float32", "", std::string(8, '\0'));
        row("negative weight dimension", g, g.bin, "weight 'w' has an invalid shape");
    }
    {
        GraphBuilder g = base();
        g.constantRaw("w", {2}, "complex64", "", std::string(16, '\0'));
        row("unknown weight dtype", g, g.bin,
            "weight 'w' has dtype 'complex64', which this runner does not read");
    }
    {
        GraphBuilder g = base();
        g.constantRaw("w", {2}, "float32", R"({"dtype":"int4"})", std::string(1, '\0'));
        row("unknown quantisation", g, g.bin, "weight 'w' is quantised to 'int4'");
    }
    {
        GraphBuilder g = base();
        g.node("a", "Relu", {"b"});
        g.node("b", "Relu", {"a"});
        row("cycle", g, g.bin, "is part of a cycle");
    }
    {
        GraphBuilder g = base();
        Attrs attrs = windowAttrs(1, "SAME");
        attrs.push_back({"fused_ops", strList({"BiasAdd", "Elu"})});
        attrs.push_back({"num_args", "{\"i\":\"1\"}"});
        g.node("out", "_FusedConv2D", {"x", "f", "f"}, attrs);
        row("unknown fused activation", g, g.bin,
            "node 'out' (_FusedConv2D) fuses 'Elu', which this runner does not execute");
    }
    {
        GraphBuilder g = base();
        g.constant("f3", {3, 3, 3, 2}, pattern(54, 2));
        g.node("out", "Conv2D", {"x", "f3"}, windowAttrs(1, "SAME"));
        row("filter does not fit the input", g, g.bin, "node 'out' (Conv2D) ");
    }
    {
        GraphBuilder g = base();
        g.node("out", "Conv2D", {"x", "f"}, windowAttrs(1, "FULL"));
        row("unknown padding", g, g.bin, "node 'out' (Conv2D) has padding 'FULL'");
    }
    {
        GraphBuilder g = base();
        g.node("out", "Relu", {"x", "f"});
        row("wrong number of inputs", g, g.bin, "node 'out' (Relu) has 2 inputs");
    }
}

void TestGraphModel::refusesBrokenFiles() {
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, bin);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath("model.json");
    writeFile(path, json.toStdString());
    if (bin != "missing") {
        writeFile(dir.filePath("weights.bin"), bin.toStdString());
    }
    std::string error;
    QVERIFY(!GraphModel::load(path.toStdString(), &error));
    const QString message = QString::fromStdString(error);
    QVERIFY2(message.startsWith(path + ": "), error.c_str());
    QVERIFY2(message.contains(expected), error.c_str());
    QVERIFY2(!message.contains('\n'), error.c_str());
}

void TestGraphModel::runRefusesBadInputs() {
    GraphBuilder g;
    g.input("x", {-1, 2, 2, 1});
    g.node("out", "Relu", {"x"});
    g.output("out", {-1, 2, 2, 1});
    std::string error;
    const std::unique_ptr<GraphModel> model = load(g, &error);
    QVERIFY2(model, error.c_str());
    QCOMPARE(model->inputs().size(), size_t(1));
    QCOMPARE(model->inputs()[0].name, std::string("x:0"));
    QCOMPARE(model->inputs()[0].shape, (std::vector<int64_t>{-1, 2, 2, 1}));
    QCOMPARE(model->outputs()[0].name, std::string("out:0"));
    std::map<std::string, FloatTensor> outputs;
    const FloatTensor good = tensor({1, 2, 2, 1}, {-1, 2, -3, 4});
    struct Case {
        std::map<std::string, FloatTensor> inputs;
        std::vector<std::string> outputs;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {{}, {}, "input 'x:0' is missing"},
        {{{"x:0", tensor({1, 2, 2}, {1, 2, 3, 4})}}, {}, "has shape [1,2,2], but the model takes"},
        {{{"x:0", tensor({1, 3, 2, 1}, pattern(6, 1))}}, {}, "has shape [1,3,2,1]"},
        {{{"x:0", tensor({1, 2, 2, 1}, {1, 2, 3})}}, {}, "holds 3 values, not the 4"},
        {{{"x:0", good}, {"y:0", good}}, {}, "the model has no input 'y:0'"},
        {{{"x:0", good}}, {"nowhere:0"}, "the model has no output 'nowhere:0'"},
    };
    for (const Case& c : cases) {
        QVERIFY(!model->run(c.inputs, c.outputs, &outputs, &error));
        QVERIFY2(QString::fromStdString(error).contains(c.expected), error.c_str());
        QVERIFY2(!QString::fromStdString(error).contains('\n'), error.c_str());
    }
    // Still usable, by the input's node name too, with any batch size.
    QVERIFY2(model->run({{"x", tensor({2, 2, 2, 1}, {-1, 2, -3, 4, 5, -6, 7, -8})}}, {}, &outputs,
                        &error),
             error.c_str());
    QVERIFY2(matches(outputs.at("out:0"), {2, 2, 2, 1}, {0, 2, 0, 4, 5, 0, 7, 0}, &error),
             error.c_str());
}

void TestGraphModel::realModelsRun_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"blazeface", "facemesh", "iris", "selfie"}) {
        QTest::newRow(name) << name;
    }
}

void TestGraphModel::realModelsRun() {
    QFETCH(QString, name);
    std::string error;
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<GraphModel> model =
        GraphModel::load(modelPath(name.toStdString()), &error);
    QVERIFY2(model, error.c_str());
    qInfo("%s loads in %lld ms", qPrintable(name), timer.elapsed());
    QCOMPARE(model->inputs().size(), size_t(1));
    QVERIFY(!model->outputs().empty());
    FloatTensor input;
    input.shape = model->inputs()[0].shape;
    input.shape[0] = 1;
    input.data.assign(size_t(input.elementCount()), 0.5f);
    std::map<std::string, FloatTensor> outputs;
    QVERIFY2(model->run({{model->inputs()[0].name, input}}, {}, &outputs, &error), error.c_str());
    QCOMPARE(outputs.size(), model->outputs().size());
    for (const ps::nn::GraphPort& port : model->outputs()) {
        const FloatTensor& out = outputs.at(port.name);
        std::vector<int64_t> shape = port.shape;
        shape[0] = 1;
        QCOMPARE(out.shape, shape);
        QVERIFY2(allFinite(out), port.name.c_str());
    }
}

void TestGraphModel::blazefaceSeesTheImage() {
    std::string error;
    const std::unique_ptr<GraphModel> model = GraphModel::load(modelPath("blazeface"), &error);
    QVERIFY2(model, error.c_str());
    const std::string input = model->inputs()[0].name;
    std::map<std::string, FloatTensor> black, grey;
    FloatTensor image = tensor({1, 256, 256, 3}, std::vector<float>(256 * 256 * 3, 0.0f));
    QVERIFY2(model->run({{input, image}}, {}, &black, &error), error.c_str());
    std::fill(image.data.begin(), image.data.end(), 0.5f);
    QVERIFY2(model->run({{input, image}}, {}, &grey, &error), error.c_str());
    double difference = 0.0;
    for (const auto& [name, out] : black) {
        for (size_t i = 0; i < out.data.size(); ++i) {
            difference =
                std::max(difference, double(std::fabs(out.data[i] - grey.at(name).data[i])));
        }
    }
    QVERIFY2(difference > 1e-3, qPrintable(QString::number(difference)));
}

void TestGraphModel::facemeshRunTime() {
    std::string error;
    const std::unique_ptr<GraphModel> model = GraphModel::load(modelPath("facemesh"), &error);
    QVERIFY2(model, error.c_str());
    const std::string input = model->inputs()[0].name;
    FloatTensor image = tensor({1, 192, 192, 3}, pattern(192 * 192 * 3, 15));
    std::map<std::string, FloatTensor> first, outputs;
    QVERIFY2(model->run({{input, image}}, {}, &first, &error), error.c_str());
    const int runs = 20;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i) {
        QVERIFY2(model->run({{input, image}}, {}, &outputs, &error), error.c_str());
    }
    qInfo("facemesh 192x192: %.2f ms per run on one thread",
          double(timer.nsecsElapsed()) / 1e6 / runs);

    // The same model from two threads at once gives the same answers.
    std::map<std::string, FloatTensor> a, b;
    bool ok_a = false, ok_b = false;
    std::string error_a, error_b;
    std::thread other([&] { ok_a = model->run({{input, image}}, {}, &a, &error_a); });
    ok_b = model->run({{input, image}}, {}, &b, &error_b);
    other.join();
    QVERIFY2(ok_a && ok_b, (error_a + error_b).c_str());
    for (const auto& [name, out] : first) {
        QVERIFY2(matches(a.at(name), out.shape, out.data, &error, 1e-5f), error.c_str());
        QVERIFY2(matches(b.at(name), out.shape, out.data, &error, 1e-5f), error.c_str());
    }
}

QTEST_GUILESS_MAIN(TestGraphModel)
#include "TestGraphModel.moc"
